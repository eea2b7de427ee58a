using FluentValidation;

namespace Talks.Api.Hosting.Validation;

public static class ValidationSetup
{
    public static WebApplicationBuilder AddTalksValidation(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Scoped, includeInternalTypes: true);

        // Messages name the JSON field, not the C# property.
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : char.ToLowerInvariant(member.Name[0]) + member.Name[1..];
        return builder;
    }
}
