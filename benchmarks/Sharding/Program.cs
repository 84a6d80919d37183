using System.CommandLine;
using SelfTraining.Sharding;

var root = new RootCommand("Sharded pseudo-labeling benchmarks (issue 20): throughput against workers, shard overhead, images, the student's round, on paper.")
{
    TabularCommand.Create(),
    ImagesCommand.Create(),
    RoundCommand.Create(),
    PaperCommand.Create(),
    ArmCommand.Create(),
    RoundCommand.CreateChild(),
};
return root.Parse(args).Invoke();
