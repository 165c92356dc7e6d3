using JasperFx;

namespace PerformancePlan.Host.Application;

/// <summary>
/// A write made against a version of an indicator's results the user read (<c>--expected-version</c>, HTTP
/// <c>If-Match</c>) that is no longer the current one: nothing was written. The message says the version now current
/// and how to repeat; being a <see cref="ConcurrencyException"/>, the API answers it as any stale write (412).
/// </summary>
public sealed class StaleVersionException(PlanId plan, string indicator, long expected, long current,
    Exception inner) : ConcurrencyException(Describe(plan, indicator, expected, current), inner)
{
    /// <summary>The version the writer expected.</summary>
    public long Expected { get; } = expected;

    /// <summary>The version of the indicator's results now (0: none recorded).</summary>
    public long Current { get; } = current;

    static string Describe(PlanId plan, string indicator, long expected, long current) =>
        $"Risultato non registrato: i risultati di {indicator} sono alla versione {current}, non alla {expected} "
        + "attesa: un'altra registrazione è arrivata prima. Nessun evento scritto. Rileggere i risultati "
        + $"(perfplan results list --plan {plan} --indicator {indicator} --as UTENTE) e, se il valore è ancora da "
        + $"registrare, ripetere il comando con --expected-version {current}.";
}
