using FluentValidation;
using Talks.Api.Rules;

namespace Talks.Api.Sources;

public sealed class SourceRequestValidator : RequestValidator<SourceRequest>
{
    public SourceRequestValidator()
    {
        RuleFor(r => r.Title).NotEmpty().MaximumLength(RecordRules.NameLength * 2);
        RuleFor(r => r.Kind).IsInEnum();
        RuleFor(r => r.Publisher).MaximumLength(RecordRules.NameLength);
        RuleFor(r => r.PublishedOn).PlausibleDate();
        RuleFor(r => r.Url).MaximumLength(2000)
            .Must(url => url is null
                || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
            .WithMessage("url must be an absolute http or https address.");
        RuleFor(r => r.Notes).MaximumLength(RecordRules.TextLength);
    }
}
