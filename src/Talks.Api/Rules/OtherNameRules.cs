using System.Text.RegularExpressions;
using FluentValidation;
using Talks.Api.Records;

namespace Talks.Api.Rules;

/// <summary>The rules for the other names a party or person is sent with.</summary>
public static partial class OtherNameRules
{
    public const int MaxNames = 50;

    /// <summary>
    /// A well-formed BCP 47 tag: a language of two or three letters (or "und"), then an optional script of four letters,
    /// a region of two letters or three digits, and variants — "uk", "ru-Latn", "sr-Cyrl-RS", "de-CH-1996".
    /// </summary>
    [GeneratedRegex("^[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-([a-zA-Z]{2}|[0-9]{3}))?(-([a-zA-Z0-9]{5,8}|[0-9][a-zA-Z0-9]{3}))*$")]
    private static partial Regex LanguageTag();

    public static void OtherNamesFollowTheRules<T>(this AbstractValidator<T> validator) where T : IKnownByOtherNames
    {
        validator.RuleFor(r => r.OtherNames).Must(n => n is null || n.Count <= MaxNames).WithMessage($"At most {MaxNames} other names.")
            .Must(n => n is null || n.Select(x => (x.Name, x.Language)).Distinct().Count() == n.Count)
            .WithMessage("Each other name is listed once: two have the same name and language.");
        validator.RuleForEach(r => r.OtherNames).ChildRules(name =>
        {
            name.RuleFor(n => n.Name).NotEmpty().MaximumLength(RecordRules.NameLength);
            name.RuleFor(n => n.Kind).IsInEnum();
            name.RuleFor(n => n.Language)
                .Must(l => l is null || (l.Length <= 35 && LanguageTag().IsMatch(l)))
                .WithMessage("language must be a BCP 47 tag such as 'uk', 'ru' or 'ru-Latn'.");
        }).When(r => r.OtherNames is not null);
    }
}
