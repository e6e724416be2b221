namespace Clout.Importers.Bluesky.Car;

/// <summary>
/// One block of a CAR file. <see cref="Offset"/> is the byte offset of the block's length prefix in the file and
/// <see cref="DataOffset"/> that of its data (after the CID). <see cref="HashMatches"/> is false when the data
/// does not hash to the CID: the block is corrupt and must not be trusted.
/// </summary>
public sealed record CarBlock(Cid Cid, ReadOnlyMemory<byte> Data, long Offset, long DataOffset, bool HashMatches);
