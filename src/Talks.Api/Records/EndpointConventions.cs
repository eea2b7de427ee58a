using System.Text.Json;

namespace Talks.Api.Records;

public static class EndpointConventions
{
    /// <summary>The answers every update or delete of an existing record can give besides success.</summary>
    public static RouteHandlerBuilder WritesExisting(this RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    public static RouteHandlerBuilder AcceptsMergePatch(this RouteHandlerBuilder builder) =>
        builder.Accepts<JsonElement>(MergePatch.MediaType, "application/json").ProducesValidationProblem();
}
