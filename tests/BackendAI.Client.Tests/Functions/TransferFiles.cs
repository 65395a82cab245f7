namespace BackendAI.Client.Tests.Functions;

/// <summary>Big test files, written and compared block by block.</summary>
internal static class TransferFiles
{
    private const int Block = 1 << 20;

    /// <summary>Writes <paramref name="size"/> pseudo-random bytes (the same for the same seed).</summary>
    public static string CreateRandom(string directory, string name, long size, int seed = 7)
    {
        var path = Path.Combine(directory, name);
        var random = new Random(seed);
        var buffer = new byte[Block];
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, Block);
        for (var left = size; left > 0; left -= Block)
        {
            random.NextBytes(buffer);
            file.Write(buffer, 0, (int)Math.Min(Block, left));
        }

        return path;
    }

    /// <summary>Asserts that two files hold the same bytes.</summary>
    public static void AssertSameContent(string expected, string actual)
    {
        using var left = new FileStream(expected, FileMode.Open, FileAccess.Read, FileShare.Read, Block);
        using var right = new FileStream(actual, FileMode.Open, FileAccess.Read, FileShare.Read, Block);
        Assert.Equal(left.Length, right.Length);
        var a = new byte[Block];
        var b = new byte[Block];
        for (long offset = 0; offset < left.Length; offset += Block)
        {
            var count = (int)Math.Min(Block, left.Length - offset);
            left.ReadExactly(a, 0, count);
            right.ReadExactly(b, 0, count);
            if (!a.AsSpan(0, count).SequenceEqual(b.AsSpan(0, count)))
            {
                Assert.Fail($"'{actual}' differs from '{expected}' in the block at byte {offset}.");
            }
        }
    }
}
