using Livepeer.Api;

namespace Livepeer.Gateway.Http;

/// <summary>FastAPI/pydantic's validation error types and messages, so clients written for the runner read ours the same way.</summary>
internal static class ValidationMessages
{
    public static ValidationError Missing(string field) => new(Loc(field), "Field required", "missing");

    public static ValidationError MissingBody() => new(["body"], "Field required", "missing");

    public static ValidationError IntParsing(string field, string input) =>
        new(Loc(field), "Input should be a valid integer, unable to parse string as an integer", "int_parsing", input);

    public static ValidationError IntType(string field, object? input) => new(Loc(field), "Input should be a valid integer", "int_type", input);

    public static ValidationError IntFromFloat(string field, object input) =>
        new(Loc(field), "Input should be a valid integer, got a number with a fractional part", "int_from_float", input);

    public static ValidationError FloatParsing(string field, string input) =>
        new(Loc(field), "Input should be a valid number, unable to parse string as a number", "float_parsing", input);

    public static ValidationError FloatType(string field, object? input) => new(Loc(field), "Input should be a valid number", "float_type", input);

    public static ValidationError BoolParsing(string field, string input) =>
        new(Loc(field), "Input should be a valid boolean, unable to interpret input", "bool_parsing", input);

    public static ValidationError BoolType(string field, object? input) => new(Loc(field), "Input should be a valid boolean", "bool_type", input);

    public static ValidationError StringType(string field, object? input) => new(Loc(field), "Input should be a valid string", "string_type", input);

    public static ValidationError ListType(string field, object? input) => new(Loc(field), "Input should be a valid list", "list_type", input);

    public static ValidationError NotAFile(string field) =>
        new(Loc(field), "Value error, Expected UploadFile, received: <class 'str'>", "value_error");

    public static ValidationError NotAnObject(object?[] loc, object? input) =>
        new([.. loc.Select(l => l!)], "Input should be a valid dictionary or object to extract fields from", "model_attributes_type", input);

    public static ValidationError JsonInvalid(long position, string reason) =>
        new(["body", position], "JSON decode error", "json_invalid", reason);

    private static object[] Loc(string field) => ["body", field];
}
