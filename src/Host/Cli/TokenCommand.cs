using System.CommandLine;
using Microsoft.Extensions.Configuration;
using PerformancePlan.Host.Auth;

namespace PerformancePlan.Host.Cli;

/// <summary><c>perfplan token</c>: a development bearer token for the HTTP API.</summary>
public static class TokenCommand
{
    /// <summary>
    /// <c>perfplan token --user U --role R… [--office O…] [--holder H] [--minutes N]</c>: prints a token signed with
    /// the configured key; an unknown role exits with <see cref="ExitCodes.InvalidInput"/>.
    /// </summary>
    public static Command Build(CliContext cli)
    {
        var user = new Option<string>("--user") { Description = "Utente", Required = true };
        var roles = new Option<string[]>("--role")
        {
            Description = "Ruolo: admin, office, approver, oiv, analyst, holder (ripetibile)", Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var offices = new Option<string[]>("--office")
        {
            Description = "Uffici (personale d'ufficio), es. U1.1", AllowMultipleArgumentsPerToken = true,
        };
        var holder = new Option<string?>("--holder") { Description = "Titolare (SG, PO2…)" };
        var minutes = new Option<int>("--minutes")
        {
            Description = "Validità in minuti", DefaultValueFactory = _ => 60,
        };
        var command = new Command("token",
            "Emette un token di sviluppo per l'API (chiave da configurazione Jwt:SigningKey)")
        {
            user, roles, offices, holder, minutes,
        };
        command.SetAction(parse =>
        {
            var parsed = new List<Role>();
            foreach (var r in parse.GetValue(roles)!)
            {
                var match = Enum.GetValues<Role>()
                    .Where(x => JwtSettings.RoleClaim(x) == r.ToLowerInvariant()).ToList();
                if (match.Count == 0)
                    return cli.Fail($"Ruolo «{r}» sconosciuto: admin, office, approver, oiv, analyst, holder.",
                        ExitCodes.InvalidInput);
                parsed.Add(match[0]);
            }
            var config = new ConfigurationBuilder().AddEnvironmentVariables("PERFPLAN_").Build();
            var token = JwtSettings.From(config).Issue(parse.GetValue(user)!, parsed, parse.GetValue(offices) ?? [],
                parse.GetValue(holder), cli.Clock.GetCurrentInstant().ToDateTimeUtc(),
                TimeSpan.FromMinutes(parse.GetValue(minutes)));
            cli.Console.Profile.Out.Writer.WriteLine(token);
            return ExitCodes.Ok;
        });
        return command;
    }
}
