using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining;
using MnistSelfTraining;

namespace SceneDetection;

/// <summary>
/// The paper's headline setting in miniature: a TorchSharp detector teacher on the labeled boxes, its confident boxes as
/// pseudo boxes of the unlabeled images, a noised student on both; then both compared on the test images with COCO's
/// metrics, the student saved, reloaded and used, and a figure of the first test images with their boxes.
/// </summary>
internal static class DetectionWorkflow
{
    private const int ImagesInFigure = 6;

    /// <summary>Boxes drawn in the figure: those with at least this score (the pseudo-box threshold).</summary>
    private const float FigureScoreThreshold = SceneDetectionModel.PseudoBoxScoreThreshold;

    /// <param name="mlContext">The context.</param>
    /// <param name="labeled">Labeled scenes ("Features" 1×size×size in [0, 1], "Labels", "Box").</param>
    /// <param name="unlabeled">Unlabeled scenes ("Features"; their true "TrueLabels" and "TrueBox" only measure the pseudo boxes).</param>
    /// <param name="test">Held-out labeled scenes the teacher and the student are evaluated on.</param>
    /// <param name="size">Image height and width.</param>
    /// <param name="steps">Training steps of the teacher and of the student.</param>
    /// <param name="output">The folder the model and the figure are written to.</param>
    public static void Run(MLContext mlContext, IDataView labeled, IDataView unlabeled, IDataView test, int size, int steps, string output)
    {
        var teacherOptions = SceneDetectionModel.BuildTeacher(size, steps);
        var studentOptions = SceneDetectionModel.BuildStudent(size, steps);
        var title = $"Self-training the TorchSharp detector: teacher {steps} steps (S1), student {steps} steps (S4, loss normalization), "
            + $"pseudo boxes at score ≥ {SceneDetectionModel.PseudoBoxScoreThreshold} after NMS";
        using var model = SelfTrainingProgressBar.Run(title, bar =>
        {
            teacherOptions.Progress = bar;   // the teacher's steps (it trains before any round) and losses
            studentOptions.Progress = bar;   // the student's losses
            var pipeline = SceneDetectionModel.BuildPipeline(mlContext, unlabeled, teacherOptions, studentOptions, bar, ("TrueLabels", "TrueBox"));
            return SceneDetectionModel.RetrainModel(labeled, pipeline);
        });
        var teacher = SceneDetectionModel.Evaluate(mlContext, model.Teacher, test);
        var student = SceneDetectionModel.Evaluate(mlContext, model, test);
        Report.Rounds(model, teacher.ClassNames);
        Report.Metrics($"TorchSharp detector on {test.GetRowCount():N0} test images", teacher, student);

        SceneDetectionModel.ModelPath = Path.GetFullPath(Path.Combine(output, "SceneDetectionModel.zip"));
        SceneDetectionModel.SaveModel(model, SceneDetectionModel.ModelPath);
        var rows = FigureRows(mlContext, model, test);
        Report.Figure($"the first {rows.Count} test images (true boxes, the teacher's, the student's with score ≥ {FigureScoreThreshold}; ×{BoxGrid.Scale})",
            BoxGrid.Write(Path.Combine(output, "SceneDetection.boxes.png"), rows, size));

        var prediction = SceneDetectionModel.Predict(new SceneDetectionModel.ModelInput { Features = rows[0].Image });
        Report.Prediction(SceneDetectionModel.ModelPath, 0, SceneDetectionModel.ClassNames(), prediction, rows[0].Truth, FigureScoreThreshold);
    }

    /// <summary>The first test images with their true boxes and the teacher's and the student's boxes.</summary>
    private static List<BoxGrid.Row> FigureRows(MLContext mlContext, SelfTrainingTransformer model, IDataView test)
    {
        var first = mlContext.Data.TakeRows(test, ImagesInFigure);
        var images = first.GetColumn<float[]>(DefaultColumnNames.Features).ToList();
        var truth = Boxes.Read(first, DefaultColumnNames.Labels, DefaultColumnNames.Box, scoreColumnName: null);
        var teacher = Boxes.Read(model.Teacher.Transform(first), DefaultColumnNames.PredictedLabel, DefaultColumnNames.PredictedBoundingBoxes, DefaultColumnNames.Score);
        var student = Boxes.Read(model.Transform(first), DefaultColumnNames.PredictedLabel, DefaultColumnNames.PredictedBoundingBoxes, DefaultColumnNames.Score);
        return [.. images.Select((image, i) => new BoxGrid.Row(image, truth[i], Boxes.Above(teacher[i], FigureScoreThreshold), Boxes.Above(student[i], FigureScoreThreshold)))];
    }
}
