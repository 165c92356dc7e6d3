using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PerformancePlan.Host.Web.Api;

/// <summary>
/// How an endpoint describes itself in the OpenAPI document: an operation id for generated clients, an Italian summary
/// and description for the administration's developers, and the problem details it may answer with.
/// </summary>
public static class ApiDocs
{
    /// <summary>
    /// Maps a resource: its endpoints, added by <paramref name="map"/>, in a group under <paramref name="prefix"/>
    /// listed under <paramref name="tag"/> in the OpenAPI document (and Scalar's menu).
    /// </summary>
    public static IEndpointRouteBuilder MapResource(
        this IEndpointRouteBuilder app, string prefix, string tag, Action<RouteGroupBuilder> map)
    {
        map(app.MapGroup(prefix).WithTags(tag));
        return app;
    }

    /// <summary>
    /// An endpoint's whole description: the <paramref name="capability"/> it exercises (its policy,
    /// <see cref="Policies.For"/>; who may is added to the description from the access table), its operation id,
    /// summary and description (<see cref="Describe"/>), and its <see cref="Problems"/>.
    /// </summary>
    public static RouteHandlerBuilder Document(this RouteHandlerBuilder endpoint, Capability capability,
        string operationId, string summary, string description, params int[] problems) =>
        endpoint.RequireAuthorization(Policies.For(capability))
            .Describe(operationId, summary, description + Who(capability)).Problems(problems);

    /// <summary>Who may, from the access table, as the end of an endpoint's description.</summary>
    static string Who(Capability capability) => AccessTable.Of(capability) is { Public: false } rule
        ? $" Consentito a: {rule.Who}." : "";

    /// <summary>The operation id (English, a generated client's method name), summary and description (Italian).
    /// </summary>
    public static RouteHandlerBuilder Describe(
        this RouteHandlerBuilder endpoint, string operationId, string summary, string description) =>
        endpoint.WithName(operationId).WithSummary(summary).WithDescription(description);

    /// <summary>
    /// The problems the endpoint may answer with: 400 as a validation problem (field → messages), others as plain
    /// problem details. 401 and 403 are added by <see cref="OpenApiDescription"/> wherever a token is needed.
    /// </summary>
    public static RouteHandlerBuilder Problems(this RouteHandlerBuilder endpoint, params int[] statuses)
    {
        foreach (var status in statuses)
            endpoint = status == StatusCodes.Status400BadRequest
                ? endpoint.ProducesValidationProblem() : endpoint.ProducesProblem(status);
        return endpoint;
    }

    /// <summary>The 400 for a request that breaks <paramref name="validator"/>; null when it is well formed.</summary>
    public static ValidationProblem? Refuse<T>(IValidator<T> validator, T request) =>
        validator.Validate(request) is { IsValid: false } check
            ? TypedResults.ValidationProblem(check.ToDictionary(), title: "Dati non validi: nessun evento scritto")
            : null;
}
