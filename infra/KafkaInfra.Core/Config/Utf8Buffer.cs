using System.Buffers;

namespace KafkaInfra.Core.Config;

/// <summary>
/// A growable byte buffer for <see cref="System.Text.Json.Utf8JsonWriter"/> whose arrays are not zeroed first
/// (<see cref="GC.AllocateUninitializedArray{T}"/>): the JSON of 10,000 topics is megabytes, and clearing a buffer that
/// size before writing every byte of it again showed up in the profile of <c>plan</c> (issue 15).
/// </summary>
internal sealed class Utf8Buffer(int initialCapacity) : IBufferWriter<byte>
{
    private byte[] _bytes = GC.AllocateUninitializedArray<byte>(Math.Max(initialCapacity, 256));
    private int _count;

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, _count);

    /// <summary>The bytes written so far, as memory a reader may keep (the buffer is not reused).</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _bytes.AsMemory(0, _count);

    public void Advance(int count)
    {
        if (count < 0 || _count + count > _bytes.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        _count += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _bytes.AsMemory(_count);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _bytes.AsSpan(_count);
    }

    private void Reserve(int sizeHint)
    {
        var needed = _count + Math.Max(sizeHint, 1);
        if (needed > _bytes.Length)
        {
            var grown = GC.AllocateUninitializedArray<byte>(Math.Max(needed, _bytes.Length * 2));
            _bytes.AsSpan(0, _count).CopyTo(grown);
            _bytes = grown;
        }
    }
}
