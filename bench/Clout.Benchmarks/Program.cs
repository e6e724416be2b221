using BenchmarkDotNet.Running;
using Clout.Benchmarks;

// "graph ..." writes benchmark graphs; anything else goes to BenchmarkDotNet (e.g. --filter '*PageRank*').
if (args.Length > 0 && args[0] == "graph")
{
    return GraphGenerator.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(GraphGenerator).Assembly).Run(args, new KernelConfig());
return 0;
