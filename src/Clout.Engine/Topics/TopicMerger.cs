namespace Clout.Engine.Topics;

/// <summary>
/// Combines a validated taxonomy with the entries of one file: new topics are appended, existing ones extended.
/// Reports duplicate slugs, unknown parents, moved or re-numbered topics, id collisions and cycles.
/// </summary>
internal sealed class TopicMerger(TopicTaxonomy baseline, string source, bool requireIds, List<TopicFileError> errors)
{
    public Topic[] Merge(List<TopicEntry> entries)
    {
        var result = new List<Topic>(baseline.Count + entries.Count);
        result.AddRange(baseline.Topics);
        var firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var fileSlugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            fileSlugs.Add(entry.Slug);
        }

        var ids = new Dictionary<long, string>();
        foreach (var topic in baseline.Topics)
        {
            ids[topic.Id] = topic.Slug;
        }

        var added = new List<(TopicEntry Entry, int Position)>();
        foreach (var entry in entries)
        {
            if (!firstIndex.TryAdd(entry.Slug, entry.Index))
            {
                Fail(entry, "slug", $"duplicate slug '{entry.Slug}'; it is already defined at topics[{firstIndex[entry.Slug]}]");
                continue;
            }

            if (baseline.TryGetIndex(entry.Slug, out var existing))
            {
                Extend(entry, existing, result);
                continue;
            }

            if (entry.Parent is { } parent && !baseline.TryGetIndex(parent, out _) && !fileSlugs.Contains(parent))
            {
                Fail(entry, "parent", $"unknown parent '{parent}'; expected the slug of a built-in topic or of a topic in this file");
            }

            if (entry.Rejected)
            {
                continue;
            }

            if (entry.Name is null)
            {
                Fail(entry, "name", "missing; a new topic needs a display name");
                continue;
            }

            if (entry.Id is null && requireIds)
            {
                Fail(entry, "id", $"missing; every topic of this file must state its id (for this slug: {Topic.IdFor(entry.Slug)})");
                continue;
            }

            var id = entry.Id ?? Topic.IdFor(entry.Slug);
            if (!ids.TryAdd(id, entry.Slug))
            {
                Fail(entry, "id", $"id {id} is already used by topic '{ids[id]}'; choose another slug or give an explicit unused id");
                continue;
            }

            added.Add((entry, result.Count));
            result.Add(new Topic(id, entry.Slug, entry.Name, entry.Parent, [.. entry.Hashtags], [.. entry.Keywords], [.. entry.Domains]));
        }

        CheckCycles(result, added);
        return [.. result];
    }

    private void Extend(TopicEntry entry, int existing, List<Topic> result)
    {
        var topic = result[existing];
        if (entry.Id is { } id && id != topic.Id)
        {
            Fail(entry, "id", $"topic '{topic.Slug}' already has id {topic.Id}; ids of existing topics cannot change (leave the id out to extend it)");
        }

        if (entry.HasParent && entry.Parent != topic.Parent)
        {
            var current = topic.Parent is null ? "is a root" : $"has parent '{topic.Parent}'";
            Fail(entry, "parent", $"topic '{topic.Slug}' {current}; existing topics cannot be moved (leave the parent out to extend it)");
        }

        if (entry.Rejected)
        {
            return;
        }

        result[existing] = topic with
        {
            Name = entry.Name ?? topic.Name,
            Hashtags = Union(topic.Hashtags, entry.Hashtags),
            Keywords = Union(topic.Keywords, entry.Keywords),
            Domains = Union(topic.Domains, entry.Domains),
        };
    }

    private void CheckCycles(List<Topic> topics, List<(TopicEntry Entry, int Position)> added)
    {
        // Built-in topics cannot be moved, so only a chain of new topics can loop.
        var positionOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < topics.Count; i++)
        {
            positionOf[topics[i].Slug] = i;
        }

        var reported = new HashSet<int>();
        foreach (var (entry, position) in added)
        {
            var seen = new List<int>();
            for (var p = position; ;)
            {
                var at = seen.IndexOf(p);
                if (at >= 0)
                {
                    // Report a cycle once, on the first of its topics in the file.
                    if (at == 0 && !seen.Exists(reported.Contains))
                    {
                        reported.UnionWith(seen);
                        var path = string.Join(" -> ", seen.Select(s => topics[s].Slug).Append(topics[p].Slug));
                        Fail(entry, "parent", $"the parents form a cycle: {path}; expected a chain that ends at a root");
                    }

                    break;
                }

                seen.Add(p);
                if (topics[p].Parent is not { } parent || !positionOf.TryGetValue(parent, out p))
                {
                    break;
                }
            }
        }
    }

    private static string[] Union(IReadOnlyList<string> first, IReadOnlyList<string> second)
    {
        var list = new List<string>(first);
        foreach (var item in second)
        {
            if (!list.Contains(item, StringComparer.Ordinal))
            {
                list.Add(item);
            }
        }

        return [.. list];
    }

    private void Fail(TopicEntry entry, string field, string message) =>
        errors.Add(new TopicFileError(source, entry.Index, entry.Slug, field, message));
}
