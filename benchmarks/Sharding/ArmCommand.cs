using System.CommandLine;

namespace SelfTraining.Sharding;

/// <summary><c>arm-one</c> (hidden): one in-process or Orleans arm in a fresh process (fresh JIT, like a worker), its result on standard output.</summary>
internal static class ArmCommand
{
    public static Command Create()
    {
        var kind = new Option<string>("--kind") { Required = true };
        var job = new Option<string>("--job") { Required = true };
        var command = new Command("arm-one", "Runs one in-process or Orleans arm (child process).") { kind, job };
        command.Hidden = true;
        command.SetAction(parse =>
        {
            var (armKind, jobPath) = (parse.GetRequiredValue(kind), parse.GetRequiredValue(job));
            ChildProcess.Report(armKind == "orleans" ? OrleansArm.RunAsync(jobPath).GetAwaiter().GetResult() : InProcessArms.Run(armKind, jobPath));
            return 0;
        });
        return command;
    }
}
