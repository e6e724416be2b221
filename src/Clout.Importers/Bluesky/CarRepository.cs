using Clout.Importers.Bluesky.Car;

namespace Clout.Importers.Bluesky;

/// <summary>
/// The blocks of one repository CAR, loaded whole because the MST is walked in key order, not file order.
/// Corrupt blocks (hash mismatch) are kept out and reported; a file that cannot be read on stops at
/// <see cref="Fatal"/>, with the blocks read before it kept for the report only.
/// </summary>
internal sealed class CarRepository
{
    private CarRepository()
    {
    }

    public CarHeader? Header { get; private set; }

    public Dictionary<Cid, CarBlock> Blocks { get; } = [];

    public List<CarBlock> Corrupt { get; } = [];

    public CarFormatException? Fatal { get; private set; }

    public static CarRepository Load(Stream stream, CancellationToken cancellationToken)
    {
        var repository = new CarRepository();
        var reader = new CarReader(stream);
        try
        {
            repository.Header = reader.ReadHeader();
            while (reader.TryReadBlock(out var block))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!block.HashMatches)
                {
                    repository.Corrupt.Add(block);
                }
                else
                {
                    repository.Blocks.TryAdd(block.Cid, block);
                }
            }
        }
        catch (CarFormatException e)
        {
            repository.Fatal = e;
        }
        catch (IOException e)
        {
            repository.Fatal = new CarFormatException($"the file cannot be read past this point: {e.Message}", reader.Position);
        }

        return repository;
    }

    /// <summary>The decoded block, or null when missing; throws <see cref="DagCborException"/> for invalid bytes.</summary>
    public DagCborValue? Decode(Cid cid) =>
        Blocks.TryGetValue(cid, out var block) ? DagCborReader.Decode(block.Data.Span) : null;
}
