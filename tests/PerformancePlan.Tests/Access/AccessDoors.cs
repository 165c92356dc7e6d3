using PerformancePlan.Domain.Access;

namespace PerformancePlan.Tests.Access;

/// <summary>
/// A way in to a capability: a CLI verb (its arguments) or an HTTP request (method and route as the host maps it,
/// with <c>{id}</c>, <c>{code}</c>, <c>{holder}</c>, <c>{entryId}</c>, <c>{version}</c> filled in by the test), and
/// what it gives when the user may: <see cref="Exit"/> (and <see cref="Says"/>, when an allowed probe breaks a rule of
/// the plan after the policy let it through, so that nothing is written) or <see cref="Status"/>.
/// </summary>
public sealed record Door(string[]? Cli, string? Method, string? Route, int Exit = 0, string? Says = null,
    int Status = 200, string? Body = null)
{
    /// <summary>For <c>report relazione</c>: whom the table refuses gets the publishable version, not exit 3.
    /// </summary>
    public bool Degrades { get; init; }

    /// <summary>The route's <c>{id}</c>, <c>{code}</c>, <c>{holder}</c>.</summary>
    public string Id { get; init; } = AccessMatrix.Plan;

    /// <inheritdoc cref="Id"/>
    public string Code { get; init; } = "O1.2.4-a";

    /// <inheritdoc cref="Id"/>
    public string Holder { get; init; } = "PO3";

    /// <summary>The path to request: the route with its values.</summary>
    public string Path(Guid entryId) => Route!.Replace("{id}", Id).Replace("{code}", Code)
        .Replace("{holder}", Holder).Replace("{entryId:guid}", entryId.ToString()).Replace("{version:int}", "2");

    /// <summary>A CLI verb, allowed when it exits <paramref name="exit"/> (saying <paramref name="says"/>).</summary>
    public static Door Verb(string[] args, int exit = 0, string? says = null) => new(args, null, null, exit, says);

    /// <summary>An HTTP request, allowed when it answers <paramref name="status"/>.</summary>
    public static Door Http(string method, string route, int status = 200, string? body = null) =>
        new(null, method, route, Status: status, Body: body);

    /// <summary>What the cell names: the verb, or the method and the route.</summary>
    public override string ToString() => Cli is { } a ? "perfplan " + string.Join(' ', a.TakeWhile(x =>
        !x.StartsWith("--", StringComparison.Ordinal))) : $"{Method} {Route}";
}

/// <summary>
/// One row of the table: a capability (on a resource, when its scope depends on one), who may — a mark per column of
/// <see cref="AccessMatrix.Columns"/>: <c>Y</c> allowed, <c>N</c> refused, <c>-</c> a user is needed — and its doors.
/// </summary>
public sealed record AccessRow(Capability Capability, string Marks, Door[] Doors, AccessResource? Resource = null)
{
    /// <summary>The row as a theory's label.</summary>
    public override string ToString() => Capability + (Resource is { } r ? $" ({r.Name})" : "");
}

/// <summary>
/// Issue #11: THE table — every capability, who may, by which CLI verb and which HTTP endpoint. The CLI matrix, the
/// HTTP matrix and the check of the domain's <see cref="AccessTable"/> are all generated from it.
/// </summary>
public static class AccessMatrix
{
    /// <summary>The columns: nobody named, then the demonstration users of users.json, one per role (two holders).
    /// </summary>
    public static readonly string?[] Columns = [null, "admin", "u1.1", "giunta", "oiv", "analista", "po3", "sg"];

    /// <summary>The plan every door uses, imported and approved; <see cref="Missing"/> names none.</summary>
    public const string Plan = "cciaa-ms-2019", Missing = "cciaa-ms-2091";

    const string Act = "Atto n. 1 del 31/01/2019";

    //                                                      nobody admin u1.1 giunta oiv analista po3 sg
    public static readonly AccessRow[] Rows =
    [
        new(Capability.ReadPlan, "Y Y Y Y Y Y Y Y",
        [
            Door.Verb(["plan", "show", "--plan", Plan]), Door.Http("GET", "/api/plans/{id}"),
            Door.Http("GET", "/api/plans/"), Door.Http("GET", "/"),
            Door.Verb(["entity", "show", "--entity", "cciaa-ms"]),
            Door.Http("GET", "/api/entities/{id}") with { Id = "cciaa-ms" },
        ]),
        new(Capability.ReadScores, "Y Y Y Y Y Y Y Y",
        [
            Door.Verb(["scores", "--plan", Plan]), Door.Verb(["export", "scores", "--plan", Plan, "--out",
                "{out}.csv"]),
            Door.Http("GET", "/api/plans/{id}/scores"), Door.Http("GET", "/api/plans/{id}/exports/scores"),
            Door.Http("GET", "/piani/{id}"),
        ]),
        new(Capability.ReadPlanHistory, "Y Y Y Y Y Y Y Y",
        [
            Door.Verb(["plan", "versions", "--plan", Plan]),
            Door.Verb(["plan", "diff", "--plan", Plan, "--from-version", "1", "--to-version", "1"]),
            Door.Verb(["targets", "history", "--indicator", "S3.2.1-a"]),
            Door.Http("GET", "/api/plans/{id}/versions"), Door.Http("GET", "/api/targets/{code}/history"),
        ]),
        new(Capability.ReadEntries, "- Y Y Y Y Y Y Y",
        [
            Door.Verb(["results", "list", "--plan", Plan, "--indicator", "O1.2.4-a"]),
            Door.Http("GET", "/api/plans/{id}/indicators/{code}/results"),
            Door.Http("GET", "/piani/{id}/indicatori/{code}"),
        ]),
        new(Capability.ReadScorecard, "- Y N N Y N Y Y",
        [
            Door.Verb(["scorecard", "--plan", Plan, "--holder", "PO3"]),
            Door.Http("GET", "/api/plans/{id}/scorecards/{holder}"), Door.Http("GET", "/piani/{id}/schede/{holder}"),
        ], AccessResource.OfHolder("PO3")),
        new(Capability.ReadScorecard, "- Y N N Y N N Y",
        [
            Door.Verb(["scorecard", "--plan", Plan, "--holder", "PO2"]),
            Door.Http("GET", "/api/plans/{id}/scorecards/{holder}") with { Holder = "PO2" },
            Door.Http("GET", "/piani/{id}/schede/{holder}") with { Holder = "PO2" },
        ], AccessResource.OfHolder("PO2")),
        new(Capability.ReadAudit, "- Y N N Y Y N N",
        [
            Door.Verb(["audit", "--plan", Plan]), Door.Verb(["export", "audit", "--plan", Plan, "--out", "{out}.csv"]),
            Door.Http("GET", "/api/plans/{id}/audit"), Door.Http("GET", "/api/plans/{id}/exports/audit"),
            Door.Http("GET", "/piani/{id}/audit"),
        ]),
        new(Capability.ReadOivReplay, "- Y N N Y N N N",
        [
            Door.Verb(["oiv", "replay", "--plan", Plan]),
            Door.Verb(["oiv", "replay", "--plan", Plan, "--methodology", "{rules}"]),
            Door.Http("GET", "/api/plans/{id}/oiv/replay"), Door.Http("POST", "/api/plans/{id}/oiv/what-if",
                body: "rules"),
            Door.Http("GET", "/piani/{id}/oiv"),
        ]),
        new(Capability.ReadRelazione, "Y Y Y Y Y Y Y Y",
            [Door.Verb(["report", "relazione", "--plan", Plan, "--out", "{out}.html"])]),
        new(Capability.ReadFullRelazione, "- Y N N Y N N N",
            [Door.Verb(["report", "relazione", "--plan", Plan, "--out", "{out}.html"]) with { Degrades = true }]),
        new(Capability.VerifyLedger, "- Y N N Y N N N",
        [
            Door.Verb(["ledger", "verify", "--plan", Plan]), Door.Http("GET", "/api/ledger/verify"),
        ]),
        new(Capability.SealLedger, "- Y N N Y N N N",
        [
            Door.Verb(["ledger", "digest", "--out", "{out}.json"]),
            Door.Verb(["ledger", "checkpoint", "--out", "{out}.json"]),
            // The tests' key is in PERFPLAN_LEDGER_KEY: whoever may is told to use a file, and nothing is rotated.
            Door.Verb(["ledger", "key", "rotate"], 3, "PERFPLAN_LEDGER_KEY"),
        ]),
        new(Capability.ImportPlan, "- Y N N N N N N",
        [
            Door.Verb(["plan", "import", "{seed}"], says: "già stato importato con lo stesso contenuto"),
            Door.Http("POST", "/api/plans/import", body: "seed"),
        ]),
        new(Capability.ApprovePlan, "- N N Y N N N N",
        [
            Door.Verb(["plan", "approve", "--plan", Plan, "--act", Act, "--on", "31/01/2019"], 3, "già approvato"),
            Door.Http("POST", "/api/plans/{id}/approve", 422, """{"act":"Atto","on":"31/01/2019"}"""),
        ]),
        new(Capability.AmendPlan, "- Y N N N N N N",
        [
            Door.Verb(["plan", "amend", "--plan", Missing, "--file", "{seed}", "--act", Act, "--on", "15/05/2019"],
                3, Missing),
            Door.Verb(["plan", "revert-amendment", "--plan", Missing, "--version", "2", "--act", Act, "--on",
                "15/05/2019", "--reason", "errore"], 3, Missing),
            Door.Verb(["target", "revise", "--plan", Missing, "--indicator", "S3.2.1-a", "--year", "2019", "--value",
                "80%", "--act", Act, "--reason", "r", "--on", "15/05/2019"], 3, Missing),
            Door.Http("POST", "/api/plans/{id}/amendments", 404, "amendment") with { Id = Missing },
            Door.Http("POST", "/api/plans/{id}/indicators/{code}/target", 404,
                """{"year":2019,"value":"80%","act":"Atto","on":"15/05/2019","reason":"r"}""") with { Id = Missing },
            Door.Http("POST", "/api/plans/{id}/amendments/{version:int}/revert", 404,
                """{"act":"Atto","on":"15/05/2019","reason":"r"}""") with { Id = Missing },
        ]),
        new(Capability.RollForwardPlan, "- Y N N N N N N",
            [Door.Verb(["plan", "rollforward", "--from", Plan, "--to", "cciaa-ms-2099"], 3, "cciaa-ms-2020")]),
        new(Capability.RecordResult, "- Y Y N N N N N",
        [
            Door.Verb(["results", "record", "--plan", Plan, "--indicator", "O1.2.4-a", "--value", "3", "--on",
                "30/04/2019"]),
            Door.Verb(["results", "import", "{results}", "--plan", Plan]),
            Door.Http("POST", "/api/plans/{id}/results", 201,
                """{"indicator":"O1.2.4-a","value":"3","on":"30/04/2019"}"""),
            Door.Http("POST", "/piani/{id}/indicatori/{code}/risultati", 302, "risultato"),   // the dashboard's form
        ], AccessResource.OfIndicator("O1.2.4-a", ["U1.1"])),
        new(Capability.RecordResult, "- Y N N N N N N",
        [
            Door.Verb(["results", "record", "--plan", Plan, "--indicator", "O1.1.1-a", "--value", "29/03/2019",
                "--on", "29/03/2019"]),
            Door.Http("POST", "/api/plans/{id}/results", 201,
                """{"indicator":"O1.1.1-a","value":"29/03/2019","on":"29/03/2019"}"""),
        ], AccessResource.OfIndicator("O1.1.1-a", ["ISR"])),
        new(Capability.RevertResult, "- Y N N N N N N",
        [
            Door.Verb(["results", "revert", "{entryId}", "--reason", "errore"], 3, "Nessun risultato"),
            Door.Verb(["results", "correct", "{entryId}", "--value", "3", "--reason", "errore"], 3,
                "Nessun risultato"),
            Door.Http("POST", "/api/results/{entryId:guid}/revert", 422, """{"reason":"errore"}"""),
            Door.Http("POST", "/api/results/{entryId:guid}/correct", 422, """{"value":"3","reason":"errore"}"""),
        ]),
        new(Capability.ClosePlan, "- Y N N N N N N",
        [
            Door.Verb(["plan", "close", "--plan", Plan, "--on", "31/12/2030"], 3, "futura"),
            Door.Http("POST", "/api/plans/{id}/close", 422, """{"on":"31/12/2030"}"""),
        ]),
        new(Capability.ReopenPlan, "- Y N N N N N N",
        [
            Door.Verb(["plan", "reopen", "--plan", Plan, "--act", Act, "--reason", "r", "--on", "01/02/2020"], 3,
                "non è chiuso"),
            Door.Http("POST", "/api/plans/{id}/reopen", 422, """{"act":"Atto","reason":"r","on":"01/02/2020"}"""),
        ]),
        new(Capability.NeutralizeIndicator, "- Y N N N N N N",
        [
            Door.Verb(["indicator", "neutralize", "--plan", Plan, "--indicator", "X9.9.9-z", "--act", Act, "--reason",
                "r"], 3, "non esiste"),
            Door.Http("POST", "/api/plans/{id}/indicators/{code}/neutralize", 422, """{"act":"Atto","reason":"r"}""")
                with { Code = "X9.9.9-z" },
        ]),
        new(Capability.ValidatePlan, "- N N N Y N N N",
        [
            Door.Verb(["oiv", "validate", "--plan", Plan, "--note", "ok"], 3, "non è chiuso"),
            Door.Http("POST", "/api/plans/{id}/oiv/validate", 422, """{"note":"ok"}"""),
        ]),
        new(Capability.ManageUsers, "- Y N N N N N N",
        [
            // The user named is {entryId}, a fresh id: a valid name no account has; standard input is empty.
            Door.Verb(["user", "list"]),
            Door.Verb(["user", "add", "--name", "Prova", "{entryId}", "--role", "oiv"], 2, "Password mancante"),
            Door.Verb(["user", "passwd", "{entryId}"], 2, "Nessun account"),
            Door.Verb(["user", "disable", "{entryId}"], 2, "Nessun account"),
            Door.Verb(["user", "enable", "{entryId}"], 2, "Nessun account"),
        ]),
        new(Capability.MergeEntities, "- Y N N N N N N",
        [
            Door.Verb(["entity", "merge", "--into", "cciaa-tno", "--name", "Toscana Nord-Ovest", "--from", "cciaa-lu",
                "--on", "01/07/2099", "--act", Act], 3, "futura"),
            Door.Http("POST", "/api/entities/{id}/mergers", 422,
                """{"name":"Toscana Nord-Ovest","from":["cciaa-lu"],"on":"01/07/2099","act":"Atto"}""")
                with { Id = "cciaa-tno" },
        ]),
    ];

    /// <summary>
    /// The verbs outside the table: they run the installation, not the plan, for whoever holds the database (its
    /// connection string or the embedded cluster's files), and read no personal data.
    /// </summary>
    public static readonly string[] OperatorVerbs =
        ["demo", "serve", "bench", "rebuild", "db migrate", "token"];

    /// <summary>Routes outside the table: health, the OpenAPI document and its reference, signing in and out (the
    /// embedded provider's <c>/connect</c> endpoints and its form at <c>/accesso/credenziali</c>).</summary>
    public static readonly string[] OpenRoutes = ["/health", "/openapi/", "/scalar", "/accesso", "/esci", "/connect/"];
}
