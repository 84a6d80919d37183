using System.CommandLine;

namespace SelfTraining.Sharding;

/// <summary><c>arm-one</c> (hidden): one in-process arm in a fresh process (fresh JIT, like a worker), its result on standard output.</summary>
internal static class ArmCommand
{
    public static Command Create()
    {
        var kind = new Option<string>("--kind") { Required = true };
        var job = new Option<string>("--job") { Required = true };
        var command = new Command("arm-one", "Runs one in-process arm (child process).") { kind, job };
        command.Hidden = true;
        command.SetAction(parse =>
        {
            ChildProcess.Report(InProcessArms.Run(parse.GetRequiredValue(kind), parse.GetRequiredValue(job)));
            return 0;
        });
        return command;
    }
}
