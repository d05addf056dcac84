using System.Reflection;
using System.Reflection.Emit;

namespace CloudEconomics.Tests.Architecture;

/// <summary>
/// Reads which types each type of an assembly uses: in its signatures (base type, interfaces, fields, properties,
/// method parameters and return types, generic arguments) and in its method bodies (every method, field and type
/// token of the IL). Nested and compiler-generated types (lambdas, iterators, async state machines) count for the
/// namespace they are declared in.
/// </summary>
internal static class TypeReferences
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>For each type of the assembly, the set of types it refers to (generic definitions, element types unwrapped).</summary>
    internal static IReadOnlyDictionary<Type, HashSet<Type>> Of(Assembly assembly)
    {
        var result = new Dictionary<Type, HashSet<Type>>();
        foreach (var type in assembly.GetTypes())
        {
            var used = new HashSet<Type>();
            Add(used, type.BaseType);
            foreach (var i in type.GetInterfaces())
            {
                Add(used, i);
            }
            foreach (var f in type.GetFields(All))
            {
                Add(used, f.FieldType);
            }
            foreach (var p in type.GetProperties(All))
            {
                Add(used, p.PropertyType);
            }
            foreach (var m in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
            {
                if (m is MethodInfo mi)
                {
                    Add(used, mi.ReturnType);
                }
                foreach (var p in m.GetParameters())
                {
                    Add(used, p.ParameterType);
                }
                ReadBody(m, used);
            }
            result[type] = used;
        }
        return result;
    }

    private static void ReadBody(MethodBase method, HashSet<Type> used)
    {
        byte[]? il;
        try
        {
            il = method.GetMethodBody()?.GetILAsByteArray();
        }
        catch (InvalidOperationException)
        {
            return;
        }
        if (il is null)
        {
            return;
        }
        var module = method.Module;
        Type[]? typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        Type[]? methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        int pos = 0;
        while (pos < il.Length)
        {
            short value = unchecked(il[pos] == 0xFE && pos + 1 < il.Length ? (short)(0xFE00 | il[pos + 1]) : il[pos]);
            if (!OpCodesByValue.TryGetValue(value, out var op))
            {
                return; // unknown byte: stop reading this body rather than misread it
            }
            pos += op.Size;
            switch (op.OperandType)
            {
                case OperandType.InlineMethod:
                case OperandType.InlineField:
                case OperandType.InlineType:
                case OperandType.InlineTok:
                    int token = BitConverter.ToInt32(il, pos);
                    try
                    {
                        switch (module.ResolveMember(token, typeArgs, methodArgs))
                        {
                            case Type t:
                                Add(used, t);
                                break;
                            case MethodBase mb:
                                Add(used, mb.DeclaringType);
                                break;
                            case FieldInfo fi:
                                Add(used, fi.DeclaringType);
                                Add(used, fi.FieldType);
                                break;
                        }
                    }
                    catch (ArgumentException)
                    {
                    }
                    catch (BadImageFormatException)
                    {
                    }
                    pos += 4;
                    break;
                case OperandType.InlineSwitch:
                    int count = BitConverter.ToInt32(il, pos);
                    pos += 4 + (4 * count);
                    break;
                case OperandType.InlineI8:
                case OperandType.InlineR:
                    pos += 8;
                    break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar:
                    pos += 1;
                    break;
                case OperandType.InlineVar:
                    pos += 2;
                    break;
                case OperandType.InlineNone:
                    break;
                default:
                    pos += 4;
                    break;
            }
        }
    }

    private static void Add(HashSet<Type> used, Type? type)
    {
        if (type is null)
        {
            return;
        }
        while (type.HasElementType)
        {
            type = type.GetElementType()!;
        }
        if (type.IsGenericParameter)
        {
            return;
        }
        if (type.IsGenericType)
        {
            foreach (var a in type.GetGenericArguments())
            {
                Add(used, a);
            }
            type = type.GetGenericTypeDefinition();
        }
        used.Add(type);
    }
}
