using FluentValidation;
using Talks.Api.Names;

namespace Talks.Api.Keys;

public sealed class KeyRequestValidator : AbstractValidator<KeyRequest>
{
    public KeyRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().Must(Slug.IsValid).WithMessage($"name must be {Slug.Rule}.");
        RuleFor(r => r.Role).IsInEnum();
    }
}
