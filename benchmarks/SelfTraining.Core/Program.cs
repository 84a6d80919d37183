using System.CommandLine;
using SelfTraining.Core;

var root = new RootCommand("Core self-training benchmarks (issue 3): MNIST-10k accuracy and pseudo-labeling throughput.")
{
    MnistCommand.Create(),
    MnistCommand.CreateChild(),
    StreamCommand.Create(),
    StreamCommand.CreateChild(),
    SplitCommand.Create(),
};
return root.Parse(args).Invoke();
