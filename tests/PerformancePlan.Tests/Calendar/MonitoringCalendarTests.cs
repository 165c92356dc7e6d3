using NodaTime;
using PerformancePlan.Domain.Calendar;
using PerformancePlan.Domain.Import;
using PerformancePlan.Domain.Plans;
using PerformancePlan.Domain.Results;
using PerformancePlan.Domain.Scoring;
using PerformancePlan.Host.Files;
using PerformancePlan.Tests.Infrastructure;
using static PerformancePlan.Tests.Infrastructure.SeedPlan;

namespace PerformancePlan.Tests.Calendar;

/// <summary>The calendar in force: quadrimesters by default, quarters, semesters or months when the plan says so.
/// </summary>
public class MonitoringCalendarTests
{
    static readonly LocalDate Today = new(2020, 3, 1);

    [Theory]
    [InlineData(CalendarKind.Quadrimesters, "Q1 30/04, Q2 31/08, Q3 31/12")]
    [InlineData(CalendarKind.Quarters, "T1 31/03, T2 30/06, T3 30/09, T4 31/12")]
    [InlineData(CalendarKind.Semesters, "S1 30/06, S2 31/12")]
    public void Each_calendar_closes_its_periods_on_the_last_day_of_their_last_month(CalendarKind kind,
        string expected) =>
        string.Join(", ", MonitoringCalendar.Periods(2019, kind).Select(p => $"{p.Code} {p.Close:dd/MM}"))
            .ShouldBe(expected);

    [Fact]
    public void Months_close_on_their_last_day_and_are_read_by_code_or_by_name()
    {
        var months = MonitoringCalendar.Periods(2020, CalendarKind.Months);
        months.Count.ShouldBe(12);
        months[1].ShouldBe(new MonitoringPeriod("M2", new LocalDate(2020, 2, 29)));
        months[11].Close.ShouldBe(new LocalDate(2020, 12, 31));
        MonitoringCalendar.Read("marzo", CalendarKind.Months).ShouldBe("M3");
        MonitoringCalendar.Read("Dicembre", CalendarKind.Months).ShouldBe("M12");
        MonitoringCalendar.Read("m07", CalendarKind.Months).ShouldBe("M7");
        MonitoringCalendar.Read("T3", CalendarKind.Months).ShouldBeNull();
    }

    [Fact]
    public void The_seed_plan_keeps_its_quadrimesters()
    {
        var plan = Approved();
        plan.Methodology.CalendarInForce.ShouldBe(CalendarKind.Quadrimesters);
        MonitoringCalendar.Of(plan, plan.IndicatorOf("O2.1.4-e")!).ShouldBe(CalendarKind.Quadrimesters);
    }

    [Fact]
    public void A_quarter_in_a_quadrimester_plan_is_refused_naming_the_plans_calendar_and_its_codes()
    {
        var (draft, issues) = ResultInput.Read(Approved(), "O2.1.4-e", "10", "15/10/2019", "T3", "", Today);

        draft.ShouldBeNull();
        var issue = issues.ShouldHaveSingleItem();
        issue.Column.ShouldBe("Periodo");
        issue.Message.ShouldBe("«T3» è un periodo dei trimestri, ma il calendario del piano cciaa-ms-2019 è a "
            + "quadrimestri");
        issue.Fix.ShouldBe("indicare il quadrimestre: «Q1» (chiuso il 30/04), «Q2» (31/08) o «Q3» (31/12)");
    }

    static Plan Import(string csv)
    {
        var result = PlanFileImporter.Read(SheetReader.ReadCsv(csv, "piano.csv"), "ente-prova");
        result.Errors.ShouldBeEmpty();
        var events = PlanDecider.Decide(new ImportPlan(result.Plan!, "piano.csv", SeedPlan.Admin, Approval), null)
            .Append(new PlanApproved(result.Plan!.PlanId, "Delibera n. 1", new LocalDate(2019, 1, 31), "giunta",
                Approval));
        return Plan.Replay(events)!;
    }

    [Fact]
    public void A_quarterly_plan_measures_days_after_close_once_per_quarter()
    {
        var plan = Import(QuarterlyPlan.Csv);
        var indicator = plan.IndicatorOf("O1.1.1-a")!;
        MonitoringCalendar.Of(plan, indicator).ShouldBe(CalendarKind.Quarters);
        ResultEntryOf(plan, "10", "05/04/2019", "t1").Period.ShouldBe("T1");
        var early = ResultInput.Read(plan, "O1.1.1-a", "10", "15/09/2019", "T3", "", Today).Issues
            .ShouldHaveSingleItem();
        early.Message.ShouldBe("il trimestre T3 si chiude il 30/09/2019: il risultato si riferisce a una data "
            + "successiva");

        var results = Given(
            [.. new[] { ("T1", 10m, "05/04/2019"), ("T2", 30m, "20/07/2019"), ("T3", 20m, "15/10/2019") }
                .Select(r => Recorded(plan, r.Item1, r.Item2, r.Item3))]);
        var score = PlanScoring.Score(plan, results).Indicators.Single();

        score.Periods.Select(p => (p.Period, p.Realization is { } r ? Math.Round(r, 2) : (decimal?)null))
            .ShouldBe([("T1", 100m), ("T2", 66.67m), ("T3", 100m), ("T4", null)]);
        score.Score.ShownRaw.ShouldBe(88.89m);   // (100 + 66,67 + 100) / 3 while the year is open
    }

    [Fact]
    public void An_indicator_names_its_own_calendar_in_Misura_and_keeps_it_in_its_event()
    {
        var csv = QuarterlyPlan.Csv.Replace("Metodologia;calendario;;Calendario;;;;;;trimestri;;;;;\n", "")
            .Replace(";giorni dalla chiusura;", ";giorni dalla chiusura del semestre;");
        var result = PlanFileImporter.Read(SheetReader.ReadCsv(csv, "piano.csv"), "ente-prova");
        result.Errors.ShouldBeEmpty();
        result.Plan!.Methodology.CalendarInForce.ShouldBe(CalendarKind.Quadrimesters);
        result.Plan.Definitions.OfType<IndicatorDefined>().Single().Calendar.ShouldBe(CalendarKind.Semesters);
        // The description speaks of quarters, the indicator is measured by semesters: the import says so.
        result.Warnings.ShouldContain(w => w.Message.Contains("parla di trimestri, ma sarà misurato per semestri"));

        var plan = Import(csv);
        MonitoringCalendar.Of(plan, plan.IndicatorOf("O1.1.1-a")!).ShouldBe(CalendarKind.Semesters);
        ResultInput.Read(plan, "O1.1.1-a", "10", "05/04/2019", "T1", "", Today).Issues.ShouldHaveSingleItem()
            .Message.ShouldBe("«T1» è un periodo dei trimestri, ma l'indicatore O1.1.1-a si misura per semestri");
    }

    [Fact]
    public void The_seed_plan_keeps_its_content_hash_and_its_events_carry_no_calendar()
    {
        var plan = PlanFileImporter.Read(SeedFiles.PlanSheet(), "cciaa-ms").Plan!;
        plan.Definitions.OfType<IndicatorDefined>().ShouldAllBe(d => d.Calendar == null);
        System.Text.Json.JsonSerializer.Serialize(plan.Definitions.OfType<IndicatorDefined>().First(),
            PerformancePlan.Host.Application.AppJson.Options).ShouldNotContain("calendar");
    }

    [Fact]
    public void G19_quarterly_days_imports_with_a_warning_that_tells_the_fix()
    {
        var result = PlanFileImporter.Read(SheetReader.Read(SeedFiles.Case("probes", "G19-quarterly-days.csv")),
            "ente-prova");

        result.Errors.ShouldBeEmpty();
        var warning = result.Warnings.ShouldHaveSingleItem();
        (warning.Row, warning.Column).ShouldBe((7, "Misura"));
        warning.Message.ShouldBe("l'indicatore parla di trimestri, ma sarà misurato per quadrimestri (Q1, Q2, Q3)");
        warning.Fix.ShouldBe("scrivere in Misura «giorni dalla chiusura del trimestre», o aggiungere al piano la riga "
            + "di metodologia «calendario» = «trimestri»");
    }

    static ResultDraft ResultEntryOf(Plan plan, string value, string on, string period)
    {
        var (draft, issues) = ResultInput.Read(plan, "O1.1.1-a", value, on, period, "", Today);
        issues.ShouldBeEmpty();
        return draft!;
    }

    static ResultRecorded Recorded(Plan plan, string period, decimal days, string on)
    {
        var d = ResultEntryOf(plan, days.ToString(), on, period);
        return new ResultRecorded(plan.Id, d.Indicator, Guid.NewGuid(), d.Value, d.ReferredTo, d.Period, "", "admin",
            Instant.FromUtc(2019, 10, 20, 9, 0));
    }
}

/// <summary>A small plan of the test's own, monitored by quarters (<c>calendario</c> = <c>trimestri</c>).</summary>
public static class QuarterlyPlan
{
    /// <summary>One days-after-close indicator, target 20 days, under one operational objective.</summary>
    public const string Csv =
        "Livello;Codice;Padre;Descrizione;Prospettiva;Budget;Algoritmo;Misura;Comparatore;Target 2019;Target 2020;"
        + "Target 2021;Uffici;Titolari;Pesi\n"
        + "Metodologia;calendario;;Calendario;;;;;;trimestri;;;;;\n"
        + "Ente;ENTE;;Ente di prova trimestrale;;;;;;;;;;;\n"
        + "Area strategica;1;ENTE;Area di prova;;;;;;;;;;;\n"
        + "Obiettivo strategico;1.1;1;Obiettivo strategico di prova;;;;;;;;;;;\n"
        + "Obiettivo operativo;1.1.1;1.1;Obiettivo operativo di prova;;;;;;;;;;;\n"
        + "Indicatore operativo;O1.1.1-a;1.1.1;Report trimestrale entro 20 gg dalla chiusura del trimestre;;;"
        + "entro 20 gg chiusura trimestre;giorni dalla chiusura;<=;20;20;20;U1.1;;\n";
}
