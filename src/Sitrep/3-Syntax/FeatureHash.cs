namespace Sitrep.Syntax;

/// <summary>Allocation-free 64-bit hashes of token text and feature conjunctions, for feature hashing.</summary>
internal static class FeatureHash
{
    private const ulong Offset = 14695981039346656037, Prime = 1099511628211;

    /// <summary>The start value of an incremental hash (<see cref="Step"/>).</summary>
    public const ulong Seed = Offset;

    public static ulong Step(ulong h, char c) => (h ^ c) * Prime;

    public static ulong Of(ReadOnlySpan<char> s)
    {
        ulong h = Offset;
        foreach (char c in s) h = (h ^ c) * Prime;
        return h;
    }

    public static ulong OfLower(ReadOnlySpan<char> s)
    {
        ulong h = Offset;
        foreach (char c in s) h = (h ^ char.ToLowerInvariant(c)) * Prime;
        return h;
    }

    public static ulong Of(string s) => Of(s.AsSpan());

    /// <summary>The splitmix64 finaliser: spreads every input bit over the whole word.</summary>
    public static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccd;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53;
        x ^= x >> 33;
        return x;
    }

    public static ulong Combine(ulong a, ulong b) => Mix(a * 0x9E3779B97F4A7C15 + b);
}
