using System.Globalization;
using System.Text.Json;
using CloudEconomics.Finance;
using NodaTime;
using NodaTime.Text;

namespace CloudEconomics.Tests.Finance;

/// <summary>
/// Every vector of Reference/finance-vectors-docs.json (values printed in Excel's and LibreOffice's documentation,
/// each with its source) within its tolerance; a vector whose expected value is an Excel error (#NUM!, #VALUE!,
/// #DIV/0!) must throw the matching exception.
/// </summary>
public class FinanceDocsVectorsTest
{
    private static readonly JsonElement[] Vectors = Load();

    private static JsonElement[] Load()
    {
        using var stream = File.OpenRead(ReferenceFiles.Path("finance-vectors-docs.json"));
        using var doc = JsonDocument.Parse(stream);
        return doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        for (int i = 0; i < Vectors.Length; i++)
        {
            data.Add(i, Vectors[i].GetProperty("function").GetString()!);
        }
        return data;
    }

    [Fact]
    public void File_HasVectorsForEveryFunction()
    {
        Vectors.Length.Should().BeGreaterThanOrEqualTo(59);
        Vectors.Select(v => v.GetProperty("function").GetString()).Distinct().Should().Contain(new[] { "XIRR", "XNPV", "PMT", "RATE", "DB", "VDB", "MIRR", "NPV", "IRR" });
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Vector_MatchesDocumentedValue(int index, string function)
    {
        var vector = Vectors[index];
        var args = vector.GetProperty("args");
        var expected = vector.GetProperty("expected");
        string source = vector.GetProperty("source").GetString()!;
        if (expected.ValueKind == JsonValueKind.String)
        {
            string error = expected.GetString()!;
            var act = () => Evaluate(function, args);
            switch (error)
            {
                case "#VALUE!":
                    act.Should().Throw<ArgumentException>(source);
                    break;
                case "#NUM!":
                case "#DIV/0!":
                    act.Should().Throw<Exception>(source).Which.Should().Match(e => e is ArgumentException || e is FinancialCalculationException);
                    break;
                default:
                    throw new InvalidOperationException($"Unknown Excel error {error} in vector {index}.");
            }
            return;
        }
        double tolerance = vector.GetProperty("tolerance").GetDouble();
        Evaluate(function, args).Should().BeApproximately(expected.GetDouble(), tolerance, "{0} (vector {1}: {2})", function, index, source);
    }

    private static double Evaluate(string function, JsonElement args)
    {
        double N(int i) => args.GetArrayLength() > i && args[i].ValueKind == JsonValueKind.Number ? args[i].GetDouble() : double.NaN;
        bool Has(int i) => args.GetArrayLength() > i;
        double[] Values(int i) => args[i].EnumerateArray().Select(e => e.GetDouble()).ToArray();
        LocalDate[] Dates(int i) => args[i].EnumerateArray().Select(e => LocalDatePattern.Iso.Parse(e.GetString()!).Value).ToArray();
        PaymentTiming T(int i) => Has(i) && N(i) != 0 ? PaymentTiming.BeginningOfPeriod : PaymentTiming.EndOfPeriod;
        double Or(int i, double fallback) => Has(i) ? N(i) : fallback;

        return function switch
        {
            "NPV" => CashFlowMath.Npv(N(0), Values(1)),
            "XNPV" => CashFlowMath.Xnpv(N(0), Values(1), Dates(2)),
            "IRR" => CashFlowMath.Irr(Values(0), Or(1, 0.1)),
            "XIRR" => CashFlowMath.Xirr(Values(0), Dates(1), Or(2, 0.1)),
            "MIRR" => CashFlowMath.Mirr(Values(0), N(1), N(2)),
            "PMT" => CashFlowMath.Pmt(N(0), N(1), N(2), Or(3, 0), T(4)),
            "IPMT" => CashFlowMath.Ipmt(N(0), N(1), N(2), N(3), Or(4, 0), T(5)),
            "PPMT" => CashFlowMath.Ppmt(N(0), N(1), N(2), N(3), Or(4, 0), T(5)),
            "PV" => CashFlowMath.Pv(N(0), N(1), N(2), Or(3, 0), T(4)),
            "FV" => CashFlowMath.Fv(N(0), N(1), N(2), Or(3, 0), T(4)),
            "NPER" => CashFlowMath.Nper(N(0), N(1), N(2), Or(3, 0), T(4)),
            "RATE" => CashFlowMath.Rate(N(0), N(1), N(2), Or(3, 0), T(4), Or(5, 0.1)),
            "EFFECT" => CashFlowMath.Effect(N(0), N(1)),
            "NOMINAL" => CashFlowMath.Nominal(N(0), N(1)),
            "SLN" => Depreciation.Sln(N(0), N(1), N(2)),
            "SYD" => Depreciation.Syd(N(0), N(1), N(2), N(3)),
            "DB" => Depreciation.Db(N(0), N(1), N(2), N(3), Or(4, 12)),
            "DDB" => Depreciation.Ddb(N(0), N(1), N(2), N(3), Or(4, 2)),
            "VDB" => Depreciation.Vdb(N(0), N(1), N(2), N(3), N(4), Or(5, 2), Has(6) && args[6].ValueKind == JsonValueKind.True),
            _ => throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"No mapping for {function}.")),
        };
    }
}
