namespace CloudEconomics.Tests.Helpers;

/// <summary>
/// Reusable contract checks for value types, after NodaTime's TestHelper: equality, hashing and ordering are
/// implemented once per type and checked here once.
/// </summary>
public static class TestHelper
{
    /// <summary>Checks Equals(T), Equals(object), GetHashCode, == and != for a value, an equal value and an unequal one.</summary>
    public static void TestEqualsStruct<T>(T value, T equalValue, params T[] unequalValues) where T : struct, IEquatable<T>
    {
        value.Equals(equalValue).Should().BeTrue("value should equal equalValue");
        value.Equals((object)equalValue).Should().BeTrue("Equals(object) should agree with Equals(T)");
        value.GetHashCode().Should().Be(equalValue.GetHashCode(), "equal values must hash alike");
        value.Equals(null).Should().BeFalse("no struct equals null");
        value.Equals(new object()).Should().BeFalse("no struct equals an object of another type");
        TestOperator(value, equalValue, "op_Equality", expected: true);
        TestOperator(value, equalValue, "op_Inequality", expected: false);
        foreach (var unequal in unequalValues)
        {
            value.Equals(unequal).Should().BeFalse($"{value} should not equal {unequal}");
            value.Equals((object)unequal).Should().BeFalse();
            TestOperator(value, unequal, "op_Equality", expected: false);
            TestOperator(value, unequal, "op_Inequality", expected: true);
        }
    }

    /// <summary>Checks CompareTo and the comparison operators for value &lt; greaterValue, with equalValue equal to value.</summary>
    public static void TestCompareToStruct<T>(T value, T equalValue, T greaterValue) where T : struct, IComparable<T>
    {
        value.CompareTo(equalValue).Should().Be(0);
        value.CompareTo(greaterValue).Should().BeNegative();
        greaterValue.CompareTo(value).Should().BePositive();
        TestOperator(value, greaterValue, "op_LessThan", expected: true);
        TestOperator(greaterValue, value, "op_LessThan", expected: false);
        TestOperator(value, equalValue, "op_LessThan", expected: false);
        TestOperator(value, greaterValue, "op_GreaterThan", expected: false);
        TestOperator(greaterValue, value, "op_GreaterThan", expected: true);
        TestOperator(value, equalValue, "op_LessThanOrEqual", expected: true);
        TestOperator(greaterValue, value, "op_LessThanOrEqual", expected: false);
        TestOperator(value, equalValue, "op_GreaterThanOrEqual", expected: true);
        TestOperator(value, greaterValue, "op_GreaterThanOrEqual", expected: false);
        if (value is IComparable nonGeneric)
        {
            nonGeneric.CompareTo(null).Should().BePositive("every value sorts after null");
            nonGeneric.CompareTo(greaterValue).Should().BeNegative();
            var act = () => nonGeneric.CompareTo(new object());
            act.Should().Throw<ArgumentException>();
        }
    }

    private static void TestOperator<T>(T left, T right, string name, bool expected)
    {
        var method = typeof(T).GetMethod(name, [typeof(T), typeof(T)]);
        method.Should().NotBeNull($"{typeof(T).Name} should define {name}");
        ((bool)method!.Invoke(null, [left, right])!).Should().Be(expected, $"{name}({left}, {right})");
    }

    /// <summary>Runs an action under a culture, restoring the previous one.</summary>
    public static T InCulture<T>(string cultureName, Func<T> action)
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        var previousUi = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(cultureName);
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(cultureName);
            return action();
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
            System.Globalization.CultureInfo.CurrentUICulture = previousUi;
        }
    }
}
