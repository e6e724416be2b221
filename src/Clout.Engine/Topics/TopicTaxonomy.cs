namespace Clout.Engine.Topics;

/// <summary>
/// The topic hierarchy: topics by index (a dense 0..Count-1 numbering the matcher and scoring use), by slug and by
/// id, with parents, children and depths. Immutable; <see cref="Merge(Stream, string)"/> returns a new taxonomy
/// in which the topics of this one keep their indexes.
/// </summary>
public sealed partial class TopicTaxonomy
{
    private readonly Topic[] topics;
    private readonly Dictionary<string, int> bySlug;
    private readonly Dictionary<long, int> byId;
    private readonly int[] parents;
    private readonly int[] depths;
    private readonly int[] childStart;
    private readonly int[] children;
    private readonly int[] roots;

    /// <summary>Builds the indexes; <paramref name="topics"/> must already be validated (unique, parents known, acyclic).</summary>
    private TopicTaxonomy(Topic[] topics)
    {
        this.topics = topics;
        bySlug = new Dictionary<string, int>(topics.Length, StringComparer.Ordinal);
        byId = new Dictionary<long, int>(topics.Length);
        for (var i = 0; i < topics.Length; i++)
        {
            bySlug.Add(topics[i].Slug, i);
            byId.Add(topics[i].Id, i);
        }

        parents = new int[topics.Length];
        var childCount = new int[topics.Length + 1];
        var rootList = new List<int>();
        for (var i = 0; i < topics.Length; i++)
        {
            parents[i] = topics[i].Parent is { } parent ? bySlug[parent] : -1;
            if (parents[i] < 0)
            {
                rootList.Add(i);
            }
            else
            {
                childCount[parents[i] + 1]++;
            }
        }

        childStart = new int[topics.Length + 1];
        for (var i = 0; i < topics.Length; i++)
        {
            childStart[i + 1] = childStart[i] + childCount[i + 1];
        }

        children = new int[childStart[topics.Length]];
        var fill = new int[topics.Length];
        for (var i = 0; i < topics.Length; i++)
        {
            if (parents[i] >= 0)
            {
                children[childStart[parents[i]] + fill[parents[i]]++] = i;
            }
        }

        depths = new int[topics.Length];
        for (var i = 0; i < topics.Length; i++)
        {
            var depth = 0;
            for (var p = parents[i]; p >= 0; p = parents[p])
            {
                depth++;
            }

            depths[i] = depth;
        }

        roots = [.. rootList];
    }

    public int Count => topics.Length;

    public IReadOnlyList<Topic> Topics => topics;

    public Topic this[int index] => topics[index];

    /// <summary>The topics without a parent (the domains), in file order.</summary>
    public IReadOnlyList<int> Roots => roots;

    /// <summary>The index of the topic with this slug, or -1.</summary>
    public int IndexOf(string slug) => bySlug.TryGetValue(slug, out var index) ? index : -1;

    public bool TryGetIndex(string slug, out int index) => bySlug.TryGetValue(slug, out index);

    public bool TryGetIndexById(long id, out int index) => byId.TryGetValue(id, out index);

    /// <summary>The topic with this slug; throws when there is none (use <see cref="TryGetIndex"/> for input).</summary>
    public Topic Get(string slug) =>
        bySlug.TryGetValue(slug, out var index) ? topics[index] : throw new KeyNotFoundException($"no topic with slug '{slug}'");

    /// <summary>Up to <paramref name="max"/> slugs that contain <paramref name="text"/>, in taxonomy order: what to suggest for a slug that is not known.</summary>
    public IReadOnlyList<string> SlugsContaining(string text, int max) =>
        topics.Where(t => t.Slug.Contains(text, StringComparison.Ordinal)).Take(max).Select(t => t.Slug).ToList();

    /// <summary>The parent's index, or -1 for a root.</summary>
    public int ParentOf(int index) => parents[index];

    /// <summary>0 for a root, 1 for its children, and so on.</summary>
    public int DepthOf(int index) => depths[index];

    public ReadOnlySpan<int> ChildrenOf(int index) => children.AsSpan(childStart[index], childStart[index + 1] - childStart[index]);

    public bool IsLeaf(int index) => childStart[index] == childStart[index + 1];

    /// <summary>The topic, its parent, and so on up to its root: <c>[rust, software-development, technology]</c>.</summary>
    public int[] PathToRoot(int index)
    {
        var path = new int[depths[index] + 1];
        for (int i = 0, p = index; p >= 0; i++, p = parents[p])
        {
            path[i] = p;
        }

        return path;
    }

    /// <summary>The ancestors of a topic, nearest first, without the topic itself.</summary>
    public int[] AncestorsOf(int index) => PathToRoot(index)[1..];

    /// <summary>True when <paramref name="ancestor"/> is on the path from <paramref name="index"/> to its root (a topic is its own ancestor).</summary>
    public bool IsWithin(int index, int ancestor)
    {
        for (var p = index; p >= 0; p = parents[p])
        {
            if (p == ancestor)
            {
                return true;
            }
        }

        return false;
    }
}
