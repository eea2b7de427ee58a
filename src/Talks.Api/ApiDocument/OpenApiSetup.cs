using Microsoft.OpenApi;
using Talks.Api.Lists;
using Talks.Api.Records;
using Talks.Api.Hosting.OpenApiParts;

namespace Talks.Api.ApiDocument;

public static class OpenApiSetup
{
    public static WebApplicationBuilder AddTalksOpenApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Talks API",
                Version = "v1",
                Description = "Peace talks as data: rounds, parties, delegations, positions, statements and agreements, each with its sources.",
            });

            // A generated client gets non-nullable, required fields where the contract promises them.
            options.SupportNonNullableReferenceTypes();
            options.NonNullableReferenceTypesAsRequired();
            options.OperationFilter<QueryParameterDocs>();
            options.OperationFilter<KeyRequirementDocs>();
            options.OperationFilter<PreconditionDocs>();
            options.AddSecurityDefinition(KeyRequirementDocs.SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key: 'keys create --name NAME --role analyst|admin' prints one. " +
                    "Writes need the analyst role (or admin); an operation that needs admin says so.",
            });
            options.AddSecurityDefinition(KeyRequirementDocs.AdminSchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An admin API key, the only kind the /admin operations accept.",
            });
            options.SchemaFilter<ResponsesCarryEveryField>();
            options.SchemaFilter<SerializerShapeDocs>();
            options.DocumentFilter<OwaspDocs>();
            options.DocumentFilter<SharedResponseParts>();
            options.CustomSchemaIds(type =>
                type.Name.Replace("`1", "Of", StringComparison.Ordinal) + string.Concat(type.GenericTypeArguments.Select(t => t.Name)));
        });
        return builder;
    }

    /// <summary>
    /// The OpenAPI document is part of the contract (clients are generated from it, CI checks it), so it is served
    /// unless <c>OpenApi:Document</c> is false. Swagger UI is a developer's tool: on in Development, elsewhere only
    /// when <c>OpenApi:Ui</c> is true.
    /// </summary>
    public static WebApplication UseTalksOpenApi(this WebApplication app)
    {
        if (app.Configuration.GetValue("OpenApi:Document", true))
        {
            app.UseSwagger();
        }

        if (app.Configuration.GetValue("OpenApi:Ui", app.Environment.IsDevelopment()))
        {
            app.UseSwaggerUI(options => options.DocumentTitle = "Talks API");
        }

        return app;
    }
}
