namespace Hierarchy.Domain.ReadModel;

/// <summary>
/// A growable array indexed by dense ids, in fixed chunks so it grows without copying. Single writer at a time (callers lock);
/// readers need no lock: an element write is atomic and a chunk is published only once allocated.
/// </summary>
/// <typeparam name="T">The element.</typeparam>
internal sealed class ChunkedArray<T>
{
    private const int Shift = 16;
    private const int ChunkSize = 1 << Shift;
    private T[]?[] _chunks = new T[]?[16];

    public T Get(long index)
    {
        if (index < 0)
        {
            return default!;
        }

        var chunks = Volatile.Read(ref _chunks);
        var c = index >> Shift;
        return c < chunks.Length && chunks[c] is { } chunk ? chunk[index & (ChunkSize - 1)] : default!;
    }

    public void Set(long index, T value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var c = (int)(index >> Shift);
        var chunks = _chunks;
        if (c >= chunks.Length)
        {
            var grown = new T[]?[Math.Max(c + 1, chunks.Length * 2)];
            Array.Copy(chunks, grown, chunks.Length);
            Volatile.Write(ref _chunks, grown);
            chunks = grown;
        }

        var chunk = chunks[c];
        if (chunk is null)
        {
            chunk = new T[ChunkSize];
            Volatile.Write(ref chunks[c], chunk);
        }

        chunk[index & (ChunkSize - 1)] = value;
    }
}
