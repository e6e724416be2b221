namespace Clout.Engine.Topics.Assignment;

public sealed partial class TopicAssigner
{
    /// <summary>Per-thread dense arrays over topics, reset through the list of touched topics so a person costs what they touched.</summary>
    private sealed class Buffers(int topics)
    {
        public double[] Content { get; } = new double[topics];

        public double[] Reactions { get; } = new double[topics];

        public double[] Lists { get; } = new double[topics];

        public double[] Endorsements { get; } = new double[topics];

        public double[] Profile { get; } = new double[topics];

        public int[] Posts { get; } = new int[topics];

        public int[] Attributors { get; } = new int[topics];

        // Evidence rolled up from descendants (ParentShare per level), and how many descendants are assigned.
        public double[] Rolled { get; } = new double[topics * 5];

        public int[] RolledPieces { get; } = new int[topics];

        public int[] AssignedBelow { get; } = new int[topics];

        public bool[] Marked { get; } = new bool[topics];

        public bool[] IsCandidate { get; } = new bool[topics];

        public bool[] DirectPass { get; } = new bool[topics];

        public List<int> Touched { get; } = [];

        public List<int> Candidates { get; } = [];

        public HashSet<long> Seen { get; } = [];

        public int Touch(int topic)
        {
            if (!Marked[topic])
            {
                Marked[topic] = true;
                Touched.Add(topic);
            }

            return topic;
        }

        public void AddCandidate(int topic)
        {
            if (!IsCandidate[topic])
            {
                IsCandidate[topic] = true;
                Candidates.Add(topic);
            }
        }

        public void Reset()
        {
            foreach (var t in Candidates)
            {
                Clear(t);
            }

            foreach (var t in Touched)
            {
                Clear(t);
            }

            Touched.Clear();
            Candidates.Clear();
            Seen.Clear();
        }

        private void Clear(int t)
        {
            Content[t] = Reactions[t] = Lists[t] = Endorsements[t] = Profile[t] = 0;
            Posts[t] = Attributors[t] = RolledPieces[t] = AssignedBelow[t] = 0;
            Rolled.AsSpan(t * 5, 5).Clear();
            Marked[t] = IsCandidate[t] = DirectPass[t] = false;
        }
    }
}
