using System.Buffers.Text;

namespace Clout.Engine.Graph.EdgeLists;

/// <summary>
/// Reads "src dst [weight]" text, one edge per line: ids are non-negative integers, columns are separated by spaces,
/// tabs or commas, lines starting with '#' or '%' and blank lines are skipped, and columns past the ones needed are
/// ignored. The file is cut into blocks at byte offsets and parsed on all threads straight into int and float
/// columns; a first pass counts line starts per block, which sizes the columns and numbers lines for errors.
/// </summary>
public static class EdgeListText
{
    private const int ChunkBytes = 1 << 20;

    public static EdgeList Read(string path, bool weighted, int threads, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        var length = RandomAccess.GetLength(handle);
        var blockCount = (int)Math.Clamp(length / (8L << 20), 1, 4096);
        if (length > 0)
        {
            blockCount = (int)Math.Max(blockCount, Math.Min(threads * 4L, Math.Max(1, length / (64 << 10))));
        }

        var bounds = new long[blockCount + 1];
        for (var b = 0; b <= blockCount; b++)
        {
            bounds[b] = length * b / blockCount;
        }

        // Pass 1: the line starts in each block are the newlines at [start - 1, end - 1), plus the start of the file.
        var lineStarts = new long[blockCount];
        var firstStart = new long[blockCount];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancellationToken };
        Parallel.For(0, blockCount, parallel, () => new byte[ChunkBytes], (b, _, buffer) =>
        {
            var from = Math.Max(0, bounds[b] - 1);
            var to = bounds[b + 1] - 1;
            long count = b == 0 && length > 0 ? 1 : 0;
            var first = b == 0 ? 0 : -1L;
            for (var at = from; at < to;)
            {
                var read = RandomAccess.Read(handle, buffer.AsSpan(0, (int)Math.Min(ChunkBytes, to - at)), at);
                if (read == 0)
                {
                    break;
                }

                var span = buffer.AsSpan(0, read);
                if (first < 0)
                {
                    var i = span.IndexOf((byte)'\n');
                    if (i >= 0)
                    {
                        first = at + i + 1;
                    }
                }

                count += span.Count((byte)'\n');
                at += read;
            }

            lineStarts[b] = count;
            firstStart[b] = first;
            return buffer;
        }, _ => { });

        var lineOffset = new long[blockCount + 1];
        for (var b = 0; b < blockCount; b++)
        {
            lineOffset[b + 1] = lineOffset[b] + lineStarts[b];
        }

        var capacity = lineOffset[blockCount];
        if (capacity > Array.MaxLength)
        {
            throw new EdgeListException(path, "1", $"{capacity:N0} lines is more than one edge list can hold ({Array.MaxLength:N0} edges)");
        }

        var source = GC.AllocateUninitializedArray<int>((int)capacity);
        var target = GC.AllocateUninitializedArray<int>((int)capacity);
        var weight = weighted ? GC.AllocateUninitializedArray<float>((int)capacity) : null;
        var edgesIn = new int[blockCount];
        var errors = new EdgeListException?[blockCount];
        var wide = new WideIdTable();
        long bytesDone = 0;

        // Pass 2: each block parses the lines that start in it (the last one may run past the block's end).
        Parallel.For(0, blockCount, parallel, () => new byte[ChunkBytes], (b, state, buffer) =>
        {
            if (lineStarts[b] == 0 || state.ShouldExitCurrentIteration)
            {
                return buffer;
            }

            var block = new BlockParser(path, handle, buffer, firstStart[b], bounds[b + 1], length, lineOffset[b] + 1, weighted, wide);
            var at = (int)lineOffset[b];
            errors[b] = block.Parse(source.AsSpan(at), target.AsSpan(at), weighted ? weight.AsSpan(at) : default, out edgesIn[b]);
            if (errors[b] is not null)
            {
                state.Stop();
            }

            progress?.Report(Interlocked.Add(ref bytesDone, bounds[b + 1] - bounds[b]));
            return buffer;
        }, _ => { });

        foreach (var error in errors)
        {
            if (error is not null)
            {
                throw error;
            }
        }

        // Close the gaps left by comment and blank lines, block by block in file order.
        var count = 0;
        for (var b = 0; b < blockCount; b++)
        {
            var from = (int)lineOffset[b];
            if (from != count && edgesIn[b] > 0)
            {
                Array.Copy(source, from, source, count, edgesIn[b]);
                Array.Copy(target, from, target, count, edgesIn[b]);
                if (weight is not null)
                {
                    Array.Copy(weight, from, weight, count, edgesIn[b]);
                }
            }

            count += edgesIn[b];
        }

        return new EdgeList(source, target, weight, count, wide.Ids);
    }

    /// <summary>Parses the lines starting in one block, reading 1 MiB chunks and carrying a partial line over.</summary>
    private sealed class BlockParser(string path, Microsoft.Win32.SafeHandles.SafeFileHandle handle, byte[] buffer, long start, long end, long length, long firstLine, bool weighted, WideIdTable wide)
    {
        private long line = firstLine;

        public EdgeListException? Parse(Span<int> source, Span<int> target, Span<float> weight, out int edges)
        {
            edges = 0;
            var fileAt = start;
            var filled = 0;
            var pos = 0;
            while (fileAt - filled + pos < end)
            {
                var nl = buffer.AsSpan(pos, filled - pos).IndexOf((byte)'\n');
                if (nl < 0)
                {
                    if (fileAt >= length)
                    {
                        nl = filled - pos;
                        if (nl == 0)
                        {
                            break;
                        }
                    }
                    else
                    {
                        // Move the partial line to the front and read more after it.
                        var rest = filled - pos;
                        if (rest == buffer.Length)
                        {
                            return Error("line is longer than 1 MiB; expected one edge per line");
                        }

                        Array.Copy(buffer, pos, buffer, 0, rest);
                        var read = RandomAccess.Read(handle, buffer.AsSpan(rest), fileAt);
                        fileAt += read;
                        filled = rest + read;
                        pos = 0;
                        continue;
                    }
                }

                var text = buffer.AsSpan(pos, nl);
                pos += Math.Min(nl + 1, filled - pos);
                var error = ParseLine(text, source, target, weight, ref edges);
                if (error is not null)
                {
                    return error;
                }

                line++;
            }

            return null;
        }

        private EdgeListException? ParseLine(ReadOnlySpan<byte> text, Span<int> source, Span<int> target, Span<float> weight, ref int edges)
        {
            var i = SkipSeparators(text, 0);
            if (i == text.Length || text[i] == (byte)'#' || text[i] == (byte)'%' || (text[i] == (byte)'\r' && i == text.Length - 1))
            {
                return null;
            }

            if (!TryId(text, ref i, out var src))
            {
                return Error($"column 1: expected a non-negative integer node id, found {Found(text, i)}");
            }

            i = SkipSeparators(text, i);
            if (!TryId(text, ref i, out var dst))
            {
                return Error($"column 2: expected a non-negative integer node id, found {Found(text, i)}");
            }

            if (weighted)
            {
                i = SkipSeparators(text, i);
                var token = Token(text, i);
                if (token.Length == 0)
                {
                    return Error("column 3: expected a weight (the list is read as weighted)");
                }

                if (!Utf8Parser.TryParse(text[i..], out double w, out var used) || used != token.Length || !double.IsFinite(w) || w < 0 || w > float.MaxValue)
                {
                    return Error($"column 3: expected a non-negative finite weight, found '{token}'");
                }

                weight[edges] = (float)w;
            }

            source[edges] = wide.Encode(src);
            target[edges] = wide.Encode(dst);
            edges++;
            return null;
        }

        private static bool TryId(ReadOnlySpan<byte> text, ref int i, out long id)
        {
            id = 0;
            var begin = i;
            while (i < text.Length && (uint)(text[i] - '0') <= 9)
            {
                if (id > (long.MaxValue - 9) / 10)
                {
                    return false;
                }

                id = (id * 10) + (text[i] - '0');
                i++;
            }

            return i > begin && (i == text.Length || IsSeparator(text[i]) || text[i] == (byte)'\r');
        }

        private static int SkipSeparators(ReadOnlySpan<byte> text, int i)
        {
            while (i < text.Length && IsSeparator(text[i]))
            {
                i++;
            }

            return i;
        }

        private static bool IsSeparator(byte c) => c is (byte)' ' or (byte)'\t' or (byte)',';

        private static string Found(ReadOnlySpan<byte> text, int i)
        {
            var token = Token(text, i);
            return token.Length == 0 ? "the end of the line" : $"'{token}'";
        }

        private static string Token(ReadOnlySpan<byte> text, int i)
        {
            if (i >= text.Length || IsSeparator(text[i]) || text[i] == (byte)'\r')
            {
                return string.Empty;
            }

            var begin = i;
            while (begin > 0 && !IsSeparator(text[begin - 1]))
            {
                begin--;
            }

            var end = i;
            while (end < text.Length && !IsSeparator(text[end]) && text[end] != (byte)'\r')
            {
                end++;
            }

            var token = System.Text.Encoding.UTF8.GetString(text[begin..end]);
            return token.Length > 40 ? token[..40] + "…" : token;
        }

        private EdgeListException Error(string message) => new(path, line.ToString(System.Globalization.CultureInfo.InvariantCulture), message);
    }
}
