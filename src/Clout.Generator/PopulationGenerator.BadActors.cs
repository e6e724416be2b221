namespace Clout.Generator;

public sealed partial class PopulationGenerator
{
    private void AddBadActors(Rng rng)
    {
        var byNetwork = new Dictionary<byte, List<int>>();
        for (var a = 0; a < Accounts; a++)
        {
            if (HasEvents(network[a]))
            {
                if (!byNetwork.TryGetValue(network[a], out var list))
                {
                    byNetwork[network[a]] = list = [];
                }

                list.Add(a);
            }
        }

        var eventAccounts = byNetwork.Values.SelectMany(l => l).Order().ToArray();
        if (eventAccounts.Length == 0)
        {
            return;
        }

        // Engagement buyers and follower buyers: genuine accounts that pay fresh bots of their network.
        var buyers = (int)(options.People * options.BuyerShare);
        for (var i = 0; i < buyers; i++)
        {
            var a = eventAccounts[rng.Next(eventAccounts.Length)];
            boughtVolume[a] = (int)Math.Round(50 * Math.Pow(12, rng.NextDouble()));
            purchaseDay[a] = lastDay - rng.Next(2, Math.Max(3, Math.Min(40, options.Days)));
            Summary.Buyers++;
        }

        var followerBuyers = (int)(options.People * options.FakeFollowerShare);
        for (var i = 0; i < followerBuyers; i++)
        {
            var a = eventAccounts[rng.Next(eventAccounts.Length)];
            fakeFollowers[a] = (int)Math.Round(100 * Math.Pow(20, rng.NextDouble()));
        }

        foreach (var (net, members) in byNetwork.OrderBy(p => p.Key))
        {
            var needed = members.Max(a => fakeFollowers[a]);
            var poolSize = Math.Max(Math.Max(100, options.People / 100), needed);
            var pool = new List<int>(poolSize);
            for (var i = 0; i < poolSize; i++)
            {
                pool.Add(AddAccount(-1, net, Bot, created: lastDay - rng.Next(3, 45)));
            }

            botPools[net] = pool;
            Summary.Bots += poolSize;
        }

        // Pods: rings of established accounts on one network that act on every post of each other.
        var podCount = (int)(options.People * options.PodShare / 10);
        var networks = byNetwork.Keys.Order().ToArray();
        for (var i = 0; i < podCount; i++)
        {
            var members = byNetwork[networks[rng.Next(networks.Length)]];
            var size = Math.Min(members.Count, rng.Next(8, 15));
            var ring = new List<int>();
            for (var tries = 0; ring.Count < size && tries < size * 20; tries++)
            {
                var a = members[rng.Next(members.Count)];
                if (pod[a] < 0 && !ring.Contains(a))
                {
                    ring.Add(a);
                    pod[a] = pods.Count;
                }
            }

            pods.Add(ring);
            Summary.PodMembers += ring.Count;
        }

        // Spam bots: old accounts that like everything, everywhere.
        var spammers = (int)Math.Max(1, eventAccounts.Length * options.SpammerShare);
        for (var i = 0; i < spammers; i++)
        {
            var net = networks[rng.Next(networks.Length)];
            AddAccount(-1, net, Spammer, created: lastDay - rng.Next(200, 2000));
            Summary.Spammers++;
        }
    }

    private int AddAccount(int owner, byte net, byte accountKind, int created)
    {
        person.Add(owner);
        network.Add(net);
        kind.Add(accountKind);
        fame.Add(0);
        postRate.Add(0);
        propensity.Add(accountKind == Spammer ? 20 : 0);
        this.created.Add(created);
        topic.Add(0);
        topic2.Add(0);
        pod.Add(-1);
        fakeFollowers.Add(0);
        boughtVolume.Add(0);
        purchaseDay.Add(0);
        return person.Count - 1;
    }
}
