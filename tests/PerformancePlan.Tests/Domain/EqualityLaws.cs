namespace PerformancePlan.Tests.Domain;

/// <summary>The laws every value type keeps (as NodaTime's tests check them once, with one helper).</summary>
public static class EqualityLaws
{
    /// <summary>
    /// <paramref name="value"/> equals <paramref name="same"/> and differs from <paramref name="other"/>.
    /// </summary>
    public static void Hold<T>(T value, T same, T other) where T : class, IEquatable<T>
    {
        value.ShouldBe(value);
        value.ShouldBe(same);
        same.ShouldBe(value);
        value.ShouldNotBe(other);
        other.ShouldNotBe(value);
        value.Equals((T?)null).ShouldBeFalse();
        value.GetHashCode().ShouldBe(same.GetHashCode());
        new HashSet<T> { value, same, other }.Count.ShouldBe(2);
    }
}
