using System.CommandLine;
using MLNet.SelfTraining.Tool;

var root = new RootCommand("Sharded pseudo-labeling for MLNet.SelfTraining: plan a job, pseudo-label one shard of it, check its shards.")
{
    PlanCommand.Create(),
    PseudoLabelCommand.Create(),
    CheckCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
