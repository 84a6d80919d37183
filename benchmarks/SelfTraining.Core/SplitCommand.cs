using System.CommandLine;

namespace SelfTraining.Core;

/// <summary>
/// <c>split</c>: prints the test, labeled and unlabeled image indices of one MNIST-10k split as JSON, so another
/// implementation of the split (benchmarks/python/mnist10k.py) can be checked against it.
/// </summary>
internal static class SplitCommand
{
    public static Command Create()
    {
        var labeled = new Option<int>("--labeled", "-k") { Description = "Labeled set size k.", DefaultValueFactory = _ => 100 };
        var split = new Option<string>("--split") { Description = "canonical, or random:SEED.", DefaultValueFactory = _ => SplitChoice.Canonical };
        var command = new Command("split", "Prints the image indices of an MNIST-10k split as JSON.") { labeled, split };
        command.SetAction(parse =>
        {
            var chosen = SplitChoice.Create(parse.GetValue(split)!, parse.GetValue(labeled));
            Json.Emit(new { chosen.Test, chosen.Labeled, chosen.Unlabeled }, path: null);
            return 0;
        });
        return command;
    }
}
