namespace Hierarchy.Import;

/// <summary>Hands out ids after the largest one a store already uses.</summary>
internal sealed class IdSequence(long last)
{
    private long _last = last;

    public long Next() => ++_last;
}
