using FluentValidation;
using Talks.Api.Names;
using Talks.Api.Records;

namespace Talks.Api.Rules;

/// <summary>A well-formed id, if the client sends one.</summary>
public abstract class RequestValidator<T> : AbstractValidator<T> where T : IRequest
{
    protected RequestValidator()
    {
        RuleFor(r => r.Id).Must(Slug.IsValid!).When(r => r.Id is not null).WithMessage($"id must be {Slug.Rule}.");
    }
}
