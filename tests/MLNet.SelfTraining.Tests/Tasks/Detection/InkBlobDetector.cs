using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Students;

namespace MLNet.SelfTraining.Tests.Tasks.Detection;

/// <summary>
/// A real, tiny object detector for 32×32 scenes: it finds ink blobs (<see cref="InkBlobs"/>) and labels each with the
/// class whose centroid of box descriptors, learned from the human (and pseudo) boxes it is fitted on, is nearest,
/// scored by a softmax over distances (<see cref="InkBlobMappings"/>). Its model is a chain of saveable ML.NET stages.
/// As a self-training student it is a pseudo-label consumer: it reads the flag and records the pseudo rows it was given.
/// </summary>
internal sealed class InkBlobDetector(MLContext ml) : IEstimator<ITransformer>, IPseudoLabelConsumer
{
    public string PseudoLabelFlagColumnName => DefaultColumnNames.IsPseudoLabel;

    public string? SoftLabelColumnName => null;

    public string? ExampleWeightColumnName => null;

    /// <summary>Per fit: whether it ran as a student, and the rows flagged pseudo (keys and boxes).</summary>
    public List<(bool AsStudent, List<(uint[] Labels, float[] Box)> PseudoRows)> Fits { get; } = [];

    public ITransformer Fit(IDataView input)
    {
        var context = StudentContext.Current;
        context?.Register(this);
        var flag = input.Schema.GetColumnOrNull(PseudoLabelFlagColumnName);
        var sums = new double[InkBlobMappings.ClassCount, InkBlobs.DescriptorLength];
        var counts = new int[InkBlobMappings.ClassCount];
        var pseudoRows = new List<(uint[], float[])>();
        var columns = new List<DataViewSchema.Column> { input.Schema[DefaultColumnNames.Features], input.Schema[DefaultColumnNames.Labels], input.Schema[DefaultColumnNames.Box] };
        if (flag is { } f)
        {
            columns.Add(f);
        }

        using (var cursor = input.GetRowCursor(columns))
        {
            var features = cursor.GetGetter<VBuffer<float>>(columns[0]);
            var labels = cursor.GetGetter<VBuffer<uint>>(columns[1]);
            var boxes = cursor.GetGetter<VBuffer<float>>(columns[2]);
            var isPseudo = flag is null ? null : cursor.GetGetter<bool>(flag.Value);
            (VBuffer<float> x, VBuffer<uint> keys, VBuffer<float> b, bool pseudo) = (default, default, default, false);
            while (cursor.MoveNext())
            {
                features(ref x);
                labels(ref keys);
                boxes(ref b);
                isPseudo?.Invoke(ref pseudo);
                var (image, classes, box) = (x.DenseValues().ToArray(), keys.DenseValues().ToArray(), b.DenseValues().ToArray());
                if (pseudo)
                {
                    pseudoRows.Add((classes, box));
                }

                for (int i = 0; i < classes.Length; i++)
                {
                    var descriptor = InkBlobs.Describe(image, box, i);
                    int c = (int)classes[i] - 1;
                    counts[c]++;
                    for (int j = 0; j < descriptor.Length; j++)
                    {
                        sums[c, j] += descriptor[j];
                    }
                }
            }
        }

        var centroids = new float[InkBlobMappings.ClassCount * InkBlobs.DescriptorLength];
        for (int c = 0; c < InkBlobMappings.ClassCount; c++)
        {
            for (int j = 0; j < InkBlobs.DescriptorLength; j++)
            {
                centroids[(c * InkBlobs.DescriptorLength) + j] = counts[c] == 0 ? float.NaN : (float)(sums[c, j] / counts[c]);
            }
        }

        Fits.Add((context is not null, pseudoRows));
        return Model(centroids).Fit(input);
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        StudentContext.Current?.Register(this);
        return Model(new float[InkBlobMappings.ClassCount * InkBlobs.DescriptorLength]).GetOutputSchema(inputSchema);
    }

    private IEstimator<ITransformer> Model(float[] centroids)
        => ml.Transforms.CustomMapping(new InkBlobMappings.BlobMapping().GetMapping(), InkBlobMappings.BlobMapping.Contract)
            .Append(ml.Transforms.Conversion.MapValue("Centroids", [new KeyValuePair<string, float[]>(InkBlobMappings.CentroidKey, centroids)], "CentroidsKey"))
            .Append(ml.Transforms.CustomMapping(new InkBlobMappings.NearestCentroidMapping().GetMapping(), InkBlobMappings.NearestCentroidMapping.Contract));
}
