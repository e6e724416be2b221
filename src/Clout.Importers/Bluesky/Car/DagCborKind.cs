namespace Clout.Importers.Bluesky.Car;

/// <summary>The kinds of value in the DAG-CBOR data model (the IPLD kinds).</summary>
public enum DagCborKind
{
    Null = 0,
    Boolean = 1,
    Integer = 2,
    Float = 3,
    Text = 4,
    Bytes = 5,
    List = 6,
    Map = 7,
    Link = 8,
}
