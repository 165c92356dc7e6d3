using NodaTime;
using PerformancePlan.Domain.Ledger;

namespace PerformancePlan.Tests.Ledger;

/// <summary>
/// The ledger's tamper rules without a database: given the event table's rows and the sealed hashes, when verified,
/// then this report. Each test alters an intact ledger the way someone with SQL access could.
/// </summary>
public class LedgerVerificationTests
{
    const string Plan = "cciaa-ms-2019";
    const string Results = "cciaa-ms-2019/O1.2.4-a";

    /// <summary>Three plan events and two results, with the sequence they were written in.</summary>
    static List<LedgerRow> Rows() =>
    [
        Row(1, Plan, 1, "plan_drafted", """{"planId":"cciaa-ms-2019"}"""),
        Row(2, Plan, 2, "plan_approved", """{"act":"Delibera n. 7"}"""),
        Row(3, Results, 1, "result_recorded", """{"value":{"amount":3}}"""),
        Row(4, Plan, 3, "plan_amended", """{"version":2}"""),
        Row(5, Results, 2, "result_recorded", """{"value":{"amount":4}}"""),
    ];

    static LedgerRow Row(long sequence, string stream, long version, string type, string data) =>
        new(sequence, stream, version, type, data, "admin", "2019-05-02T09:00:00Z", "op-" + sequence, false);

    /// <summary>What the listener sealed when the rows were written.</summary>
    static Dictionary<(string Stream, long Version), string> Sealed(IEnumerable<LedgerRow> rows)
    {
        var sealedHashes = new Dictionary<(string, long), string>();
        foreach (var stream in rows.GroupBy(r => r.Stream))
        {
            var hash = "";
            foreach (var r in stream.OrderBy(r => r.Version))
                sealedHashes[(r.Stream, r.Version)] = hash = LedgerHash.Next(hash, LedgerHash.CanonicalEvent(
                    r.Type, r.Stream, r.Version, r.User, r.At, r.Correlation, LedgerHash.CanonicalJson(r.Data)));
        }
        return sealedHashes;
    }

    static LedgerReport Verify(
        IReadOnlyList<LedgerRow> rows, Dictionary<(string Stream, long Version), string>? seals = null,
        IEnumerable<LedgerDigested>? recorded = null, KeptDigest? kept = null, string? planId = null) =>
        LedgerVerification.Verify(rows, seals ?? Sealed(Rows()), recorded ?? [], kept, planId);

    static LedgerProblem OnlyProblem(LedgerReport report)
    {
        report.Verified.ShouldBeFalse();
        report.FirstBad.ShouldBe(report.Problems.ShouldHaveSingleItem());
        return report.FirstBad!;
    }

    [Fact]
    public void An_intact_ledger_verifies_and_its_head_is_the_root_of_the_stream_heads()
    {
        var report = Verify(Rows());

        report.Verified.ShouldBeTrue();
        report.Problems.ShouldBeEmpty();
        report.Events.ShouldBe(5);
        report.Heads.Select(h => (h.Stream, h.Version)).ShouldBe([(Plan, 3L), (Results, 2L)]);
        report.Head.ShouldBe(LedgerHash.MerkleRoot(report.Heads));
    }

    [Fact]
    public void An_edited_event_is_found_where_it_was_edited()
    {
        var rows = Rows();
        rows[1] = rows[1] with { Data = """{"act":"Delibera n. 8"}""" };

        OnlyProblem(Verify(rows)).ShouldBe(new LedgerProblem(Plan, 2, 2,
            "contenuto, tipo, autore o data diversi da quelli sigillati: evento modificato o spostato"));
    }

    [Fact]
    public void Two_events_swapped_between_versions_read_as_moved()
    {
        var rows = Rows();
        (rows[0], rows[1]) = (rows[1] with { Version = 1, Sequence = 1 }, rows[0] with { Version = 2, Sequence = 2 });

        OnlyProblem(Verify(rows)).ShouldBe(new LedgerProblem(Plan, 1, 1,
            "contenuto, tipo, autore o data diversi da quelli sigillati: evento modificato o spostato"));
    }

    [Fact]
    public void A_deleted_event_leaves_a_gap_in_the_versions()
    {
        var rows = Rows();
        rows.RemoveAt(1);

        OnlyProblem(Verify(rows)).ShouldBe(new LedgerProblem(Plan, 2, 4,
            "manca la versione 2: un evento è stato cancellato"));
    }

    [Fact]
    public void A_deleted_last_event_is_found_from_the_seals()
    {
        var rows = Rows();
        rows.RemoveAt(4);

        OnlyProblem(Verify(rows)).ShouldBe(new LedgerProblem(Results, 2, null,
            "il registro sigilla la versione 2 ma gli eventi finiscono alla 1: eventi cancellati"));
    }

    [Fact]
    public void A_stream_whose_events_were_all_deleted_is_found_from_the_seals()
    {
        var rows = Rows().Where(r => r.Stream != Results).ToList();

        OnlyProblem(Verify(rows)).ShouldBe(new LedgerProblem(Results, 1, null,
            "lo stream è sigillato nel registro ma non ha più eventi: eventi cancellati"));
    }

    [Fact]
    public void An_event_inserted_outside_the_application_has_no_seal()
    {
        var rows = Rows();
        rows.Add(Row(6, Plan, 4, "plan_closed", """{"on":"2019-12-31"}"""));

        OnlyProblem(Verify(rows)).ShouldBe(new LedgerProblem(Plan, 4, 6,
            "evento senza sigillo nel registro: inserito fuori dall'applicazione"));
    }

    [Fact]
    public void An_archived_event_is_hidden_from_reads_and_found()
    {
        var rows = Rows();
        rows[2] = rows[2] with { Archived = true };

        OnlyProblem(Verify(rows)).ShouldBe(new LedgerProblem(Results, 1, 3,
            "evento marcato come archiviato: nascosto alle letture"));
    }

    [Fact]
    public void An_event_whose_sequence_precedes_the_previous_version_is_reordered()
    {
        var rows = Rows();
        rows[3] = rows[3] with { Sequence = 0 };

        OnlyProblem(Verify(rows)).ShouldBe(new LedgerProblem(Plan, 3, 0,
            "evento riordinato: la sua sequenza precede quella della versione precedente"));
    }

    [Fact]
    public void Only_the_first_problem_of_a_stream_counts_and_the_first_bad_is_the_earliest_by_sequence()
    {
        var rows = Rows();
        rows[4] = rows[4] with { Data = """{"value":{"amount":40}}""" };
        rows[3] = rows[3] with { Data = """{"version":9}""" };
        rows[1] = rows[1] with { Archived = true };

        var report = Verify(rows);

        report.Problems.Select(p => (p.Stream, p.Version)).ShouldBe([(Plan, 2L), (Results, 2L)]);
        report.FirstBad!.Sequence.ShouldBe(2);
    }

    [Fact]
    public void A_history_rewritten_since_a_recorded_digest_no_longer_extends_it()
    {
        var heads = Verify(Rows()).Heads;
        var digest = new LedgerDigested(LedgerHash.MerkleRoot(heads), heads, "oiv", Instant.FromUtc(2019, 6, 1, 9, 0));
        var rows = Rows();
        rows[4] = rows[4] with { Data = """{"value":{"amount":40}}""" };

        var report = Verify(rows, Sealed(rows), [digest]);

        OnlyProblem(report).ShouldBe(new LedgerProblem(Results, 2, null,
            "la storia non estende il digest registrato il 2019-06-01T09:00:00Z: "
            + "lo stream è stato riscritto fino alla versione 2"));
    }

    [Fact]
    public void A_kept_digest_must_be_whole_and_its_versions_must_still_exist()
    {
        var heads = Verify(Rows()).Heads;
        var beyond = heads.Select(h => h.Stream == Plan ? h with { Version = 9 } : h).ToList();

        Verify(Rows(), kept: new KeptDigest(LedgerHash.MerkleRoot(heads), heads)).Verified.ShouldBeTrue();
        Verify(Rows(), kept: new KeptDigest("0000", heads)).Problems.ShouldHaveSingleItem().ShouldBe(
            new LedgerProblem("digest", 0, null,
                "il file di digest non è integro: la radice non corrisponde alle teste"));
        Verify(Rows(), kept: new KeptDigest(LedgerHash.MerkleRoot(beyond), beyond)).Problems.ShouldHaveSingleItem()
            .Reason.ShouldBe("la versione 9 presente nel digest esterno non esiste più");
    }

    [Fact]
    public void A_plan_s_verification_reads_only_the_kept_heads_of_that_plan()
    {
        var heads = Verify(Rows()).Heads.Append(new LedgerHead("cciaa-ms-2020", 4, "ff")).ToList();

        var kept = new KeptDigest(LedgerHash.MerkleRoot(heads), heads);

        Verify(Rows(), kept: kept, planId: Plan).Verified.ShouldBeTrue();
        Verify(Rows(), kept: kept).Verified.ShouldBeFalse();
    }

    [Fact]
    public void The_head_leaves_out_the_ledger_s_own_stream()
    {
        var rows = Rows();
        rows.Add(Row(6, LedgerVerification.LedgerStream, 1, "ledger_digested", """{"root":"ab"}"""));

        var report = Verify(rows, Sealed(rows));

        report.Heads.Select(h => h.Stream).ShouldContain(LedgerVerification.LedgerStream);
        report.Head.ShouldBe(
            LedgerHash.MerkleRoot(report.Heads.Where(h => h.Stream != LedgerVerification.LedgerStream)));
        report.Head.ShouldBe(Verify(Rows()).Head);
    }
}
