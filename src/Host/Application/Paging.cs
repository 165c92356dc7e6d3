using PerformancePlan.Domain.Import;

namespace PerformancePlan.Host.Application;

/// <summary>
/// One page of a list: <see cref="Number"/> from 1, <see cref="Size"/> items from 1 to <see cref="MaxSize"/>
/// (<see cref="DefaultSize"/> when not asked). Read once at the edge with <see cref="Parse"/>.
/// </summary>
public sealed record Paging
{
    /// <summary>Items in a page when the request does not say.</summary>
    public const int DefaultSize = 50;

    /// <summary>The most items one page may hold.</summary>
    public const int MaxSize = 500;

    Paging(int number, int size) => (Number, Size) = (number, size);

    /// <summary>The page, from 1.</summary>
    public int Number { get; }

    /// <summary>Items per page.</summary>
    public int Size { get; }

    /// <summary>How many items come before this page.</summary>
    public int Skip => (Number - 1) * Size;

    /// <summary>The first page of the default size.</summary>
    public static Paging First { get; } = new(1, DefaultSize);

    /// <summary>The page asked by a request; absent values take the defaults.</summary>
    /// <exception cref="InvalidInputException">A value is not a whole number in range (field, value, fix).</exception>
    public static Paging Parse(string? page, string? size, string pageField = "page", string sizeField = "pageSize")
    {
        var number = Whole(page, pageField, 1, int.MaxValue / MaxSize, "1 per la prima pagina, 2 per la seconda…");
        var items = Whole(size, sizeField, DefaultSize, MaxSize, $"quanti per pagina, al più {MaxSize}");
        return new Paging(number, items);
    }

    /// <summary>How many pages <paramref name="total"/> items fill (at least 1).</summary>
    public int PagesFor(int total) => Math.Max(1, (total + Size - 1) / Size);

    static int Whole(string? text, string field, int absent, int max, string fix) =>
        string.IsNullOrWhiteSpace(text) ? absent
            : int.TryParse(text.Trim(), out var n) && n >= 1 && n <= max ? n
            : throw new InvalidInputException([new(IssueSeverity.Error, "richiesta", 0, field, text,
                $"non è un numero intero da 1 a {max}", $"scrivere {fix}")]);
}
