using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PerformancePlan.Host.Web.Api;

/// <summary>
/// The OpenAPI document a client is generated from (ADR 0015): Italian title and description, no server address
/// (the document is the same on every host, so it can be checked into the tests), the HTTP bearer (JWT) scheme applied
/// to every operation that needs a token, with its 401/403 problems, and NodaTime values as ISO strings.
/// </summary>
public static class OpenApiDescription
{
    /// <summary>The name of the security scheme in <c>components.securitySchemes</c>.</summary>
    public const string BearerScheme = "Bearer";

    /// <summary>Adds the document, operation and schema transformers to the default document.</summary>
    public static OpenApiOptions DescribeApi(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, context, ct) => DescribeAsync(document, context, ct));
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (NeedsToken(context.Description.ActionDescriptor.EndpointMetadata))
                operation.Security = [new() { [new(BearerScheme, context.Document)] = [] }];
            // An uploaded file travels as multipart only: the url-encoded form also listed cannot carry it.
            if (operation.RequestBody?.Content is { } content && content.ContainsKey("multipart/form-data"))
                content.Remove("application/x-www-form-urlencoded");
            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            NodaTimeSchemas.Apply(schema, context.JsonTypeInfo.Type);
            NumbersAsNumbers(schema);
            return Task.CompletedTask;
        });
        return options;
    }

    /// <summary>
    /// The API writes numbers as JSON numbers; the web defaults also read them from strings, which the generator
    /// declares as «number or string» with a pattern, and a generated client then types them as <c>object</c>.
    /// </summary>
    static void NumbersAsNumbers(OpenApiSchema schema)
    {
        if (schema.Type is not { } type || !type.HasFlag(JsonSchemaType.String)
            || (type & (JsonSchemaType.Number | JsonSchemaType.Integer)) == 0) return;
        schema.Type = type & ~JsonSchemaType.String;
        schema.Pattern = null;
    }

    /// <summary>True when a policy other than the public read guards the endpoint.</summary>
    static bool NeedsToken(IEnumerable<object> metadata) =>
        !metadata.OfType<IAllowAnonymous>().Any()
        && metadata.OfType<IAuthorizeData>().Any(a => !Policies.IsPublic(a.Policy));

    static async Task DescribeAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context,
        CancellationToken ct)
    {
        document.Info = new OpenApiInfo
        {
            Title = "PerformancePlan API",
            Version = "v1",
            Description = "Piano della Performance: piani, variazioni, risultati, misurazione, audit, OIV e registro. "
                + "Le scritture richiedono un token JWT (`perfplan token`) nell'intestazione "
                + "`Authorization: Bearer …`; gli errori sono problem details (RFC 9457) in italiano.",
        };
        document.Servers = [];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
            Description = "Token emesso da `perfplan token --user NOME` (ruoli: admin, office, approver, oiv, "
                + "analyst, holder).",
        };
        const string problem = nameof(ProblemDetails);
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(problem))
            document.AddComponent<IOpenApiSchema>(problem,
                await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, ct));
        var operations = document.Paths.Values.SelectMany(p => p.Operations ?? []).Select(o => o.Value);
        foreach (var operation in operations)
        {
            if (operation.Security is not { Count: > 0 }) continue;
            operation.Responses ??= [];
            Add(operation.Responses, "401", "Token mancante, scaduto o non valido", document);
            Add(operation.Responses, "403", "Il ruolo dell'utente non consente l'operazione", document);
        }
    }

    static void Add(OpenApiResponses responses, string status, string description, OpenApiDocument document)
    {
        if (responses.ContainsKey(status)) return;
        responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new()
                {
                    Schema = new OpenApiSchemaReference(nameof(ProblemDetails), document),
                },
            },
        };
    }
}
