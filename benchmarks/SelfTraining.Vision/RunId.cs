using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace SelfTraining.Vision;

/// <summary>
/// The id of a run: its result file name without <c>.json</c>, built from its settings as benchmarks/python/phases.py
/// builds it (the names the former token-grammar script gave the same runs).
/// </summary>
internal static class RunId
{
    /// <summary>Variant tokens of a self-training id, in order: each appears when its setting differs from the schema default.</summary>
    private static readonly (string Setting, Func<JsonNode, string> Token)[] s_tokens =
    [
        ("rescore", _ => "rescore"),
        ("pseudoRatio", v => "ratio" + Number(v)),
        ("width", v => "w" + Number(v)),
        ("rotationDegrees", v => "rot" + Number(v)),
        ("autoAugmentPolicy", v => v.GetValue<string>().ToLowerInvariant()),
        ("onlineThreshold", v => "on" + Decimals(v)),
        ("onlineMask", _ => "mask"),
        ("weightAverage", v => "ema" + Decimals(v)),
        ("elasticAlpha", v => "el" + Number(v)),
        ("balanceClasses", _ => "balance"),
        ("learningRate", v => "lr" + Number(v)),
        ("fromTeacher", _ => "init"),
        ("meanTeacher", _ => "mt"),
        ("split", v => "randomsplit" + SplitChoice.Seed(v.GetValue<string>())),
    ];

    /// <summary>Variant tokens of a fine-tuning id, in order: each appears when its setting differs from the schema default.</summary>
    private static readonly (string Setting, Func<JsonNode, string> Token)[] s_fineTuneTokens =
    [
        ("side", v => "px" + Number(v)),
        ("batchSize", v => "b" + Number(v)),
        ("learningRate", v => "lr" + Number(v)),
        ("policy", v => v.GetValue<string>()),
        ("split", v => "randomsplit" + SplitChoice.Seed(v.GetValue<string>())),
    ];

    /// <summary>Variant tokens of a segmentation or detection id, in order: the prefix, then the value, when the setting differs from the schema default.</summary>
    private static readonly (string Setting, string Prefix)[] s_sceneTokens =
    [
        ("unlabeled", "u"),
        ("testScenes", "test"),
        ("canvas", "c"),
        ("maximumDigits", "d"),
        ("scenesSeed", "scenes"),
        ("width", "w"),
        ("batchSize", "b"),
        ("learningRate", "lr"),
    ];

    /// <summary>The id of the run with <paramref name="settings"/> (defaults applied) of a kind with <paramref name="defaults"/>.</summary>
    public static string Of(JsonObject settings, JsonObject defaults)
    {
        bool Differs(string name) => !JsonNode.DeepEquals(settings[name], defaults[name]);
        string Text(string name) => settings[name]!.GetValue<string>();
        bool Flag(string name) => settings[name]!.GetValue<bool>();

        if (Text("kind") == RunKind.FineTune)
        {
            return FineTuneId(settings, Differs);
        }

        if (Text("kind") is RunKind.Segment or RunKind.Detect)
        {
            return SceneId(Text("kind") == RunKind.Segment ? "seg" : "det", settings, Differs, Flag);
        }

        if (Text("kind") == RunKind.Throughput)
        {
            var policies = Differs("policies") ? "-" + string.Join('-', settings["policies"]!.AsArray().Select(p => p!.GetValue<string>())) : "";
            return "throughput" + policies + (Differs("elastic") ? "-elastic" : "") + (Text("implementation") == "mlnet" ? "-torchsharp" : "-pytorch")
                + (Flag("raw") ? "-raw" : "");
        }

        var id = new StringBuilder(string.Join('-',
            Text("implementation"), "k" + Number(settings["labeled"]!), Text("policy"), Flag("softLabels") ? "soft" : "hard",
            Flag("normalizeLoss") ? "norm" : "plain", "r" + Number(settings["rounds"]!), "th" + Number(settings["threshold"]!),
            "t" + Number(settings["teacherSteps"]!), "s" + Number(settings["studentSteps"]!), "seed" + Number(settings["seed"]!)));
        if (Differs("studentPolicy") || Differs("studentStochasticDepth"))
        {
            var studentPolicy = settings["studentPolicy"] is null ? Text("policy") : Text("studentPolicy");
            id.Append("-student").Append(studentPolicy).Append("-sd").Append(Number(settings["studentStochasticDepth"]!));
        }

        foreach (var (setting, token) in s_tokens.Where(t => Differs(t.Setting)))
        {
            id.Append('-').Append(token(settings[setting]!));
        }

        return id.ToString();
    }

    /// <summary>
    /// <c>&lt;implementation&gt;-&lt;task&gt;-k&lt;labeled&gt;-&lt;teacherPolicy&gt;-student&lt;studentPolicy&gt;-&lt;norm|plain&gt;-th&lt;threshold&gt;-t&lt;teacherSteps&gt;-s&lt;studentSteps&gt;-seed&lt;seed&gt;</c>
    /// (task <c>seg</c> or <c>det</c>), then one token per setting of <see cref="s_sceneTokens"/> that differs from its default.
    /// </summary>
    private static string SceneId(string task, JsonObject settings, Func<string, bool> differs, Func<string, bool> flag)
    {
        string Setting(string name) => settings[name]!.GetValueKind() == System.Text.Json.JsonValueKind.String ? settings[name]!.GetValue<string>() : Number(settings[name]!);
        var id = string.Join('-', Setting("implementation"), task, "k" + Setting("labeled"), Setting("teacherPolicy"), "student" + Setting("studentPolicy"),
            flag("normalizeLoss") ? "norm" : "plain", "th" + Setting("threshold"), "t" + Setting("teacherSteps"), "s" + Setting("studentSteps"),
            "seed" + Setting("seed"));
        return id + string.Concat(s_sceneTokens.Where(t => differs(t.Setting)).Select(t => "-" + t.Prefix + Setting(t.Setting)));
    }

    /// <summary>
    /// <c>mlnet-finetune-k&lt;labeled&gt;-&lt;init&gt;-s&lt;steps&gt;-seed&lt;seed&gt;</c>, then one token per setting of
    /// <see cref="s_fineTuneTokens"/> that differs from its default.
    /// </summary>
    private static string FineTuneId(JsonObject settings, Func<string, bool> differs)
    {
        var id = string.Join('-', settings["implementation"]!.GetValue<string>(), "finetune", "k" + Number(settings["labeled"]!),
            settings["init"]!.GetValue<string>(), "s" + Number(settings["steps"]!), "seed" + Number(settings["seed"]!));
        return id + string.Concat(s_fineTuneTokens.Where(t => differs(t.Setting)).Select(t => "-" + t.Token(settings[t.Setting]!)));
    }

    /// <summary>A number as in an id: shortest round trip, no trailing .0, lower case (as Python's repr).</summary>
    private static string Number(JsonNode value) => value.GetValue<double>().ToString(CultureInfo.InvariantCulture).ToLowerInvariant();

    /// <summary>0.95 → "95" (the digits after "0.").</summary>
    private static string Decimals(JsonNode value)
    {
        var text = Number(value);
        return text.StartsWith("0.", StringComparison.Ordinal) ? text[2..] : text;
    }
}
