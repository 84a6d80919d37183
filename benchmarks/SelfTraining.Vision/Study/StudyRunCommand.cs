using System.CommandLine;

namespace SelfTraining.Vision.Study;

/// <summary><c>study-run</c>: one run of the study (<c>--config F --run ID --out DIR [--quick]</c>), which writes <c>DIR/ID.json</c>
/// (and its model, if others read it); the <c>study</c> command starts one such child per run.</summary>
internal static class StudyRunCommand
{
    public const string Name = "study-run";

    public static Command Create()
    {
        var (config, quick, output) = StudyOptions.Create();
        var id = new Option<string>("--run") { Description = "Run id (the study command prints them).", Required = true };
        var command = new Command(Name, "Runs one run of the pre-training vs self-training study.") { config, id, output, quick };
        command.SetAction(parse =>
        {
            var study = StudyConfig.Read(parse.GetValue(config)!, parse.GetValue(quick));
            var run = StudyPlan.Find(study, parse.GetValue(id)!);
            var folder = new StudyFolder(parse.GetValue(output)!);
            Directory.CreateDirectory(folder.Models);
            var result = run.Arm is null ? PretrainRun.Run(study, run, folder) : ArmRun.Run(study, run, folder);
            Json.Emit(result, folder.Result(run.Id));
            return 0;
        });
        return command;
    }
}
