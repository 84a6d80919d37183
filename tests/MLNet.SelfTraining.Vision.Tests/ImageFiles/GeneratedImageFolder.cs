using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace MLNet.SelfTraining.Vision.Tests.ImageFiles;

/// <summary>
/// A temporary folder in the layout <c>labeled/&lt;class&gt;/**</c> + <c>unlabeled/**</c>: "dark" and "light" images,
/// PNG and JPEG, grey and RGB, of different sizes; in <c>unlabeled</c> also a corrupt PNG, a zero-byte JPEG and a text
/// file; and an empty class folder.
/// </summary>
internal static class GeneratedImageFolder
{
    public static readonly string[] Classes = ["dark", "light"];

    /// <summary>Creates the folder with <paramref name="perClass"/> labeled and as many unlabeled images of each class.</summary>
    public static string Create(int perClass)
    {
        var folder = Directory.CreateTempSubdirectory("image-folder-").FullName;
        var random = new Random(1);
        Directory.CreateDirectory(Path.Combine(folder, "labeled", "empty-class"));
        for (int i = 0; i < perClass; i++)
        {
            foreach (var label in Classes)
            {
                Write(Path.Combine(folder, "labeled", label, i % 3 == 0 ? "more" : "", $"{label}-{i}"), label, i, random);
                Write(Path.Combine(folder, "unlabeled", i % 2 == 0 ? "deep" : "", $"u-{label}-{i}"), label, i + 1, random);
            }
        }

        File.WriteAllBytes(Path.Combine(folder, "unlabeled", "corrupt.png"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]);
        File.WriteAllBytes(Path.Combine(folder, "unlabeled", "empty.jpg"), []);
        File.WriteAllText(Path.Combine(folder, "unlabeled", "notes.txt"), "not listed");
        return folder;
    }

    /// <summary>Even <paramref name="i"/>: an RGB PNG; odd: a grey JPEG; sizes vary with <paramref name="i"/>.</summary>
    private static void Write(string pathWithoutExtension, string label, int i, Random random)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(pathWithoutExtension)!);
        int width = 10 + (i % 4) * 5, height = 8 + (i % 3) * 7;
        byte Level() => (byte)((label == "dark" ? 20 : 200) + random.Next(40));
        if (i % 2 == 0)
        {
            using var image = new Image<Rgb24>(width, height);
            image.ProcessPixelRows(rows =>
            {
                for (int y = 0; y < rows.Height; y++)
                {
                    foreach (ref var p in rows.GetRowSpan(y))
                    {
                        p = new Rgb24(Level(), Level(), Level());
                    }
                }
            });
            image.SaveAsPng(pathWithoutExtension + ".png");
        }
        else
        {
            using var image = new Image<L8>(width, height);
            image.ProcessPixelRows(rows =>
            {
                for (int y = 0; y < rows.Height; y++)
                {
                    foreach (ref var p in rows.GetRowSpan(y))
                    {
                        p = new L8(Level());
                    }
                }
            });
            image.SaveAsJpeg(pathWithoutExtension + ".jpg");
        }
    }
}
