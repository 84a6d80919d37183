using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining;
using MnistSelfTraining;

namespace SceneSegmentation;

/// <summary>
/// The paper's setting for segmentation: a TorchSharp segmenter teacher on the labeled masks, its confident pixels as
/// pseudo masks of the unlabeled images, a noised student on both; then both compared on the test images, the student
/// saved, reloaded and used, and a figure of the first test images with the masks.
/// </summary>
internal static class SegmentationWorkflow
{
    private const int ImagesInFigure = 6;

    /// <param name="mlContext">The context.</param>
    /// <param name="labeled">Labeled images ("Features" C×size×size in [0, 1], "Mask" with its class names).</param>
    /// <param name="unlabeled">Unlabeled images ("Features").</param>
    /// <param name="test">Held-out labeled images the teacher and the student are evaluated on.</param>
    /// <param name="channels">Image channels.</param>
    /// <param name="size">Image height and width.</param>
    /// <param name="steps">Training steps of the teacher and of the student.</param>
    /// <param name="diagnosticMaskColumnName">A column of <paramref name="unlabeled"/> with the true masks (never trained on), or <see langword="null"/>.</param>
    /// <param name="output">The folder the model and the figure are written to.</param>
    public static void Run(MLContext mlContext, IDataView labeled, IDataView unlabeled, IDataView test, int channels, int size, int steps,
        string? diagnosticMaskColumnName, string output)
    {
        var teacherOptions = SceneSegmentationModel.BuildTeacher(channels, size, steps);
        var studentOptions = SceneSegmentationModel.BuildStudent(channels, size, steps);
        var title = $"Self-training the TorchSharp segmenter: teacher {steps} steps (S1), student {steps} steps (S4, loss normalization), "
            + $"pseudo pixels at confidence ≥ {SceneSegmentationModel.PixelConfidenceThreshold}";
        using var model = SelfTrainingProgressBar.Run(title, bar =>
        {
            teacherOptions.Progress = bar;   // the teacher's steps (it trains before any round) and losses
            studentOptions.Progress = bar;   // the student's losses
            var pipeline = SceneSegmentationModel.BuildPipeline(mlContext, unlabeled, teacherOptions, studentOptions, bar, diagnosticMaskColumnName);
            return SceneSegmentationModel.RetrainModel(labeled, pipeline);
        });
        var teacher = SceneSegmentationModel.Evaluate(mlContext, model.Teacher, test);
        var student = SceneSegmentationModel.Evaluate(mlContext, model, test);
        Report.Rounds(model, teacher.ClassNames);
        Report.Metrics($"TorchSharp segmenter on {test.GetRowCount():N0} test images", teacher, student);

        SceneSegmentationModel.ModelPath = Path.GetFullPath(Path.Combine(output, "SceneSegmentationModel.zip"));
        SceneSegmentationModel.SaveModel(model, SceneSegmentationModel.ModelPath);
        var rows = FigureRows(mlContext, model, test);
        var palette = new MaskPalette(teacher.ClassNames.Count);
        Report.Figure($"the first {rows.Count} test images (image, true mask, teacher's, student's; ×{MaskGrid.Scale})",
            MaskGrid.Write(Path.Combine(output, "SceneSegmentation.masks.png"), rows, channels, size, size, palette));

        var prediction = SceneSegmentationModel.Predict(new SceneSegmentationModel.ModelInput { Features = rows[0].Image });
        Report.Prediction(SceneSegmentationModel.ModelPath, 0, SceneSegmentationModel.ClassNames(), prediction.PredictedMask, rows[0].Truth);
    }

    /// <summary>The first test images with their true masks and the teacher's and the student's masks.</summary>
    private static List<MaskGrid.Row> FigureRows(MLContext mlContext, SelfTrainingTransformer model, IDataView test)
    {
        var first = mlContext.Data.TakeRows(test, ImagesInFigure);
        var images = first.GetColumn<float[]>(DefaultColumnNames.Features).ToList();
        var truth = first.GetColumn<byte[]>(DefaultColumnNames.Mask).ToList();
        var teacher = model.Teacher.Transform(first).GetColumn<byte[]>(DefaultColumnNames.PredictedMask).ToList();
        var student = model.Transform(first).GetColumn<byte[]>(DefaultColumnNames.PredictedMask).ToList();
        return [.. images.Select((image, i) => new MaskGrid.Row(image, truth[i], teacher[i], student[i]))];
    }
}
