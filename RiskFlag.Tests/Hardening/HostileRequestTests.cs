using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

using RiskFlag.Tests.Web;

using static RiskFlag.Tests.Hardening.HostileSite;

namespace RiskFlag.Tests.Hardening;

/// <summary>
/// Malformed and hostile requests, one theory case each, against one site on a real socket: none may answer 5xx or
/// hang, and each refusal says which field, line or header is wrong and why.
/// </summary>
public sealed class HostileRequestTests(HostileSite site) : IClassFixture<HostileSite>
{
    private const string CsvHeader = "Id,Income,Age,Experience,Married/Single,House_Ownership,Car_Ownership,Profession,CITY,STATE,CURRENT_JOB_YRS,CURRENT_HOUSE_YRS";
    private const string CsvRow = "1,1303834,23,3,single,rented,no,Mechanical_engineer,Rewa,Madhya_Pradesh,3,13";
    private const string InjectionText = "' OR 1=1 --";

    private static readonly string ValidJson = ApplicantWith("id", "\"hostile\"");
    private static readonly string Megabyte = new('7', 1024 * 1024);
    private static readonly string BadAge = ApplicantWith("age", "\"x\"");

    private delegate Task<Answer> Sender(HostileSite site);

    private sealed record Case(Sender Send, Action<Answer> Check);


    private static readonly Dictionary<string, Case> EncodingSet = new(StringComparer.Ordinal)
    {
        ["0xFF byte in a string"] = PredictBytes(ApplicantWithBytes("city", [(byte)'R', 0xFF, (byte)'w']), NotUtf8),
        ["0xFE byte in a string"] = PredictBytes(ApplicantWithBytes("state", [0xFE]), NotUtf8),
        ["lone continuation byte 0x80"] = PredictBytes(ApplicantWithBytes("profession", [(byte)'a', 0x80, (byte)'b']), NotUtf8),
        ["overlong 2-byte slash C0 AF"] = PredictBytes(ApplicantWithBytes("city", [0xC0, 0xAF]), NotUtf8),
        ["overlong 3-byte slash E0 80 AF"] = PredictBytes(ApplicantWithBytes("city", [0xE0, 0x80, 0xAF]), NotUtf8),
        ["overlong 4-byte slash F0 80 80 AF"] = PredictBytes(ApplicantWithBytes("city", [0xF0, 0x80, 0x80, 0xAF]), NotUtf8),
        ["UTF-8 encoded surrogate ED A0 80"] = PredictBytes(ApplicantWithBytes("city", [0xED, 0xA0, 0x80]), NotUtf8),
        ["sequence truncated before the quote"] = PredictBytes(ApplicantWithBytes("city", [(byte)'R', 0xE2, 0x82]), NotUtf8),
        ["code point above U+10FFFF"] = PredictBytes(ApplicantWithBytes("city", [0xF5, 0x80, 0x80, 0x80]), NotUtf8),
        ["invalid UTF-8 in a property name"] = PredictBytes(Encoding.UTF8.GetBytes(ValidJson).Replace("\"city\""u8, [(byte)'"', (byte)'c', 0xFF, (byte)'"']), NotUtf8),
        ["escaped lone high surrogate \\ud800"] = Predict(ApplicantWith("city", "\"Re\\ud800wa\""), NotUtf8),
        ["escaped lone low surrogate \\udc00"] = Predict(ApplicantWith("state", "\"\\udc00\""), NotUtf8),
        ["escaped surrogates in reverse order"] = Predict(ApplicantWith("city", "\"\\udc00\\ud800\""), NotUtf8),
        ["escaped high surrogate then a letter"] = Predict(ApplicantWith("profession", "\"\\ud800x\""), NotUtf8),
        ["raw NUL byte inside a string"] = PredictBytes(ApplicantWithBytes("city", [(byte)'R', 0x00, (byte)'w']), NotJson),
        ["raw NUL byte between tokens"] = PredictBytes([.. "{\"income\":1,"u8, 0x00, .. "\"age\":30}"u8], NotJson),
        ["body of NUL bytes"] = PredictBytes(new byte[64], NotJson),
        ["invalid escape \\x41"] = Predict(ApplicantWith("city", "\"\\x41\""), NotJson),
        ["truncated escape \\u12"] = Predict(ApplicantWith("city", "\"\\u12\""), NotJson),
        ["UTF-16LE with BOM"] = PredictBytes([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(ValidJson)], NotJson),
        ["UTF-16LE without BOM"] = PredictBytes(Encoding.Unicode.GetBytes(ValidJson), NotJson),
        ["UTF-16BE with BOM"] = PredictBytes([.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(ValidJson)], NotJson),
        ["UTF-32LE with BOM"] = PredictBytes([.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(ValidJson)], NotJson),
        ["Latin-1 é sent as charset=latin1"] = Send(s => s.SendAsync(Post("/api/predict", Body(ApplicantWithBytes("city", [(byte)'R', 0xE9, (byte)'w', (byte)'a']), "application/json; charset=latin1"))), NotUtf8),
        ["UTF-16 sent as charset=utf-16"] = Send(s => s.SendAsync(Post("/api/predict", Body(Encoding.Unicode.GetBytes(ValidJson), "application/json; charset=utf-16"))), NotJson),
    };


    private static readonly Dictionary<string, Case> ShapeSet = new(StringComparer.Ordinal)
    {
        ["10,000 nested arrays"] = Predict(new string('[', 10_000) + new string(']', 10_000), a => NotJson(a, "depth")),
        ["10,000 nested objects"] = Predict(string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000), a => NotJson(a, "depth")),
        ["10,000 nested objects in a field"] = Predict(ApplicantWith("income", string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000)), a => NotJson(a, "depth")),
        ["10,000 nested arrays in a field"] = Predict(ApplicantWith("age", new string('[', 10_000) + new string(']', 10_000)), a => NotJson(a, "depth")),
        ["65 nested arrays, one past the depth"] = Predict(new string('[', 65) + new string(']', 65), a => NotJson(a, "depth")),
        ["array of 20,000 numbers"] = Predict("[" + string.Join(',', Enumerable.Repeat("1", 20_000)) + "]", a => a.Invalid("[19999].row", "expected an object, found Number")),
        ["array of 5,000 empty objects"] = Predict("[" + string.Join(',', Enumerable.Repeat("{}", 5_000)) + "]", a => a.Invalid("[4999].income", "income is missing")),
        ["array with one bad applicant among good ones"] = Predict($"[{ValidJson},{ValidJson},{ApplicantWith("age", "\"x\"")}]", a => a.Invalid("[2].age", "'x' is not a number")),
        ["array of nulls and strings"] = Predict("[null,\"applicant\",true]", a => a.Invalid("[1].row", "expected an object, found String")),
        ["root is a string"] = Predict("\"applicant\"", a => a.Detail(HttpStatusCode.BadRequest, "expected a JSON array of applicant objects, found String")),
        ["root is a number"] = Predict("42", a => a.Detail(HttpStatusCode.BadRequest, "found Number")),
        ["root is true"] = Predict("true", a => a.Detail(HttpStatusCode.BadRequest, "found True")),
        ["root is null"] = Predict("null", a => a.Detail(HttpStatusCode.BadRequest, "found Null")),
        ["empty body"] = Predict(string.Empty, a => NotJson(a, "JSON")),
        ["whitespace-only body"] = Predict(" \r\n\t ", a => NotJson(a, "JSON")),
        ["duplicate key, the later one bad"] = Predict(ValidJson[..^1] + ",\"age\":\"abc\"}", a => a.Invalid("age", "'abc' is not a number")),
        ["duplicate key, the later one good"] = Predict("{\"age\":\"abc\"," + ValidJson[1..], Scored),
        ["trailing garbage after the object"] = Predict(ValidJson + " xyz", a => NotJson(a, "LineNumber")),
        ["two objects back to back"] = Predict(ValidJson + ValidJson, a => NotJson(a, "after")),
        ["block comment before the object"] = Predict("/* applicant */" + ValidJson, a => NotJson(a, "LineNumber")),
        ["line comment after a property"] = Predict(ValidJson.Replace(",", ", // note\n", StringComparison.Ordinal), a => NotJson(a, "LineNumber")),
        ["object without its closing brace"] = Predict(ValidJson[..^1], a => NotJson(a, "LineNumber")),
        ["string without its closing quote"] = Predict("{\"city\":\"Rewa", a => NotJson(a, "LineNumber")),
        ["single-quoted keys"] = Predict("{'age':30}", a => NotJson(a, "LineNumber")),
        ["unquoted keys"] = Predict("{age:30}", a => NotJson(a, "LineNumber")),
        ["income 1e999"] = Predict(ApplicantWith("income", "1e999"), a => a.Invalid("income", "'1e999' is not a number")),
        ["income -1e999"] = Predict(ApplicantWith("income", "-1e999"), a => a.Invalid("income", "'-1e999' is not a number")),
        ["income \"NaN\""] = Predict(ApplicantWith("income", "\"NaN\""), a => a.Invalid("income", "'NaN' is not a number")),
        ["income \"Infinity\""] = Predict(ApplicantWith("income", "\"Infinity\""), a => a.Invalid("income", "'Infinity' is not a number")),
        ["income \"0x10\""] = Predict(ApplicantWith("income", "\"0x10\""), a => a.Invalid("income", "'0x10' is not a number")),
        ["income \"1,000\""] = Predict(ApplicantWith("income", "\"1,000\""), a => a.Invalid("income", "'1,000' is not a number")),
        ["income negative"] = Predict(ApplicantWith("income", "-5"), a => a.Invalid("income", "is negative")),
        ["age 2^64"] = Predict(ApplicantWith("age", "18446744073709551616"), a => a.Invalid("age", "outside the allowed range")),
        ["age -2^63"] = Predict(ApplicantWith("age", "-9223372036854775808"), a => a.Invalid("age", "outside the allowed range")),
        ["age of 200 digits"] = Predict(ApplicantWith("age", "1" + new string('0', 200)), a => a.Invalid("age", "characters)")),
        ["age 30.5"] = Predict(ApplicantWith("age", "30.5"), a => a.Invalid("age", "not a whole number")),
        ["experience -0 is zero"] = Predict(ApplicantWith("experience", "-0"), Scored),
        ["age false"] = Predict(ApplicantWith("age", "false"), a => a.Invalid("age", "'false' is not a number")),
        ["married true"] = Predict(ApplicantWith("married", "true"), a => a.Invalid("married", "is not one of: single or married")),
        ["house_ownership 1"] = Predict(ApplicantWith("house_ownership", "1"), a => a.Invalid("house_ownership", "'1' is not one of")),
        ["income an object"] = Predict(ApplicantWith("income", "{\"amount\":1}"), a => a.Invalid("income", "expected a number, found an object")),
        ["age an array"] = Predict(ApplicantWith("age", "[30]"), a => a.Invalid("age", "expected a number, found an array")),
        ["city an object"] = Predict(ApplicantWith("city", "{\"name\":\"Rewa\"}"), a => a.Invalid("city", "expected text, found an object")),
        ["state an empty array"] = Predict(ApplicantWith("state", "[]"), a => a.Invalid("state", "expected text, found an array")),
        ["profession a number"] = Predict(ApplicantWith("profession", "42"), a => a.Invalid("profession", "expected text, found a number")),
        ["city true"] = Predict(ApplicantWith("city", "true"), a => a.Invalid("city", "expected text, found true")),
        ["escaped NUL inside the city"] = Predict(ApplicantWith("city", "\"Re\\u0000wa\""), a => a.Invalid("city", "contains the control character U+0000")),
        ["escaped bell in the profession"] = Predict(ApplicantWith("profession", "\"Chef\\u0007\""), a => a.Invalid("profession", "contains the control character U+0007")),
        ["an id of 1 MB is refused, not echoed"] = Predict(ApplicantWith("id", $"\"{Megabyte}\""), a => a.Invalid("id", "characters long; at most 100")),
        ["an id with a line break"] = Predict(ApplicantWith("id", "\"A-1\\nB\""), a => a.Invalid("id", "contains the control character U+000A")),
        ["income null"] = Predict(ApplicantWith("income", "null"), a => a.Invalid("income", "income is missing")),
        ["required field absent"] = Predict(ApplicantWith("current_house_yrs", null), a => a.Invalid("current_house_yrs", "current_house_yrs is missing")),
        ["UTF-8 BOM before the object"] = PredictBytes([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(ValidJson)], a => NotJson(a, "0xEF")),
        ["empty array"] = Predict("[]", a => Assert.True(a.Status == HttpStatusCode.OK && a.Body == "[]", $"expected nothing scored: {a.Describe}")),
        ["1 MB string in city"] = Predict(ApplicantWith("city", $"\"{Megabyte}\""), a => a.Invalid("city", "is longer than 100 characters")),
        ["1 MB string in income"] = Predict(ApplicantWith("income", $"\"{Megabyte}\""), a => a.Invalid("income", "characters)")),
        ["1 MB number in age"] = Predict(ApplicantWith("age", Megabyte), a => a.Invalid("age", "characters)")),
        ["batch: 10,000 nested arrays"] = Batch(new string('[', 10_000) + new string(']', 10_000), "application/json", a => a.Detail(HttpStatusCode.BadRequest, "not valid JSON (line 1)")),
        ["batch: JSON without its end"] = Batch("[{\"income\":", "application/json", a => a.Detail(HttpStatusCode.BadRequest, "not valid JSON (line 1)")),
        ["batch: JSON root a string"] = Batch("\"applicants\"", "application/json", a => LacksColumns(a)),
        ["batch: JSON array of numbers"] = Batch("[1,2]", "application/json", a => Rejected(a, 2, "expected an object, found Number")),
    };


    private static readonly Dictionary<string, Case> SizeSet = new(StringComparer.Ordinal)
    {
        ["predict body one byte over the limit"] = Raw("POST /api/predict HTTP/1.1\r\nContent-Type: application/json", Encoding.UTF8.GetBytes(Padded(ValidJson, MaxPredictBytes + 1)), TooLarge("2 MB")),
        ["predict body far over the limit"] = Raw("POST /api/predict HTTP/1.1\r\nContent-Type: application/json", Encoding.UTF8.GetBytes(Padded(ValidJson, 3 * MaxPredictBytes)), TooLarge("2 MB")),
        ["predict chunked body over the limit"] = Send(s => s.SendAsync(Post("/api/predict", Chunked(Padded(ValidJson, MaxPredictBytes + 1), "application/json"))), TooLarge("2 MB")),
        ["predict over the limit with Expect: 100-continue"] = Send(s => s.SendAsync(Continue(Post("/api/predict", Json(Padded(ValidJson, MaxPredictBytes + 1))))), TooLarge("2 MB")),
        ["predict declares a terabyte"] = Send(s => s.SendRawAsync("POST /api/predict HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 1000000000000", Encoding.UTF8.GetBytes(ValidJson)), TooLarge("2 MB")),
        ["predict declares long.MaxValue"] = Send(s => s.SendRawAsync($"POST /api/predict HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: {long.MaxValue}", Encoding.UTF8.GetBytes(ValidJson)), TooLarge("2 MB")),
        ["predict Content-Length 0"] = Send(s => s.SendRawAsync("POST /api/predict HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 0"), a => NotJson(a, "JSON")),
        ["predict Content-Length shorter than the body"] = Send(s => s.SendRawAsync("POST /api/predict HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 10", Encoding.UTF8.GetBytes(ValidJson)), a => NotJson(a, "LineNumber")),
        ["batch body one byte over the limit"] = Raw("POST /api/predict/batch HTTP/1.1\r\nContent-Type: text/csv", Encoding.UTF8.GetBytes(Padded(CsvHeader + "\n" + CsvRow + "\n", MaxUploadBytes + 1, '\n')), TooLarge("4 MB")),
        ["batch chunked body over the limit"] = Send(s => s.SendAsync(Post("/api/predict/batch", Chunked(Padded(CsvHeader + "\n", MaxUploadBytes + 1, '\n'), "text/csv"))), TooLarge("4 MB")),
        ["batch multipart upload over the limit"] = Raw("POST /api/predict/batch HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=b", MultipartBytes("b", $"Content-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n\r\n{Padded(CsvHeader + "\n", MaxUploadBytes + 1, '\n')}"), TooLarge("4 MB")),
        ["batch declares a terabyte"] = Send(s => s.SendRawAsync("POST /api/predict/batch HTTP/1.1\r\nContent-Type: text/csv\r\nContent-Length: 1000000000000", Encoding.UTF8.GetBytes(CsvHeader)), TooLarge("4 MB")),
        ["batch gzip body"] = Batch(Gzip(CsvHeader + "\n" + CsvRow + "\n"), "text/csv", a => a.Detail(HttpStatusCode.BadRequest, "lacks required column")),
        ["login as a form, anonymously"] = Send(s => SendAsync(s.Bare, Post("/api/auth/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "a@b.test", ["password"] = "x" }))), a => a.Detail(HttpStatusCode.UnsupportedMediaType, "send one of application/json")),
        ["login with DELETE, anonymously"] = Send(s => SendAsync(s.Bare, new HttpRequestMessage(HttpMethod.Delete, "/api/auth/login")), a => a.Detail(HttpStatusCode.MethodNotAllowed, "this path takes POST")),
        ["predict as a form, anonymously, is still a 401"] = Send(s => SendAsync(s.Bare, Post("/api/predict", new FormUrlEncodedContent(new Dictionary<string, string> { ["age"] = "30" }))), a => a.Detail(HttpStatusCode.Unauthorized, "Send a credential")),
        ["login without a content type"] = Send(s => SendAsync(s.Bare, Post("/api/auth/login", new ByteArrayContent("{}"u8.ToArray()))), a => a.Detail(HttpStatusCode.UnsupportedMediaType, "application/json")),
        ["login body an array"] = Login("[]", a => a.Detail(HttpStatusCode.BadRequest, "/api/reference")),
        ["login body cut short"] = Login("{\"email\":", a => a.Detail(HttpStatusCode.BadRequest, "/api/reference")),
        ["login fields of the wrong type"] = Login("{\"email\":42,\"password\":true}", a => a.Detail(HttpStatusCode.BadRequest, "/api/reference")),
        ["login body of 3 MB"] = Send(s => SendAsync(s.Bare, Post("/api/auth/login", Json($"{{\"email\":\"{new string('a', 3 * 1024 * 1024)}@x.test\",\"password\":\"x\"}}"))), a => a.Detail(HttpStatusCode.Unauthorized, "Wrong e-mail or password")),
    };


    private static readonly Dictionary<string, Case> ContentTypeSet = new(StringComparer.Ordinal)
    {
        ["predict without a content type"] = Predict(Encoding.UTF8.GetBytes(ValidJson), null, a => a.Detail(HttpStatusCode.UnsupportedMediaType, "got no content type")),
        ["predict with charset=latin1 and a bad age"] = Predict(Encoding.UTF8.GetBytes(BadAge), "application/json; charset=latin1", AgeNotANumber),
        ["predict with a quoted charset and a bad age"] = Predict(Encoding.UTF8.GetBytes(BadAge), "application/json; charset=\"utf-8\"", AgeNotANumber),
        ["predict as APPLICATION/JSON and a bad age"] = Predict(Encoding.UTF8.GetBytes(BadAge), "APPLICATION/JSON", AgeNotANumber),
        ["predict as application/problem+json and a bad age"] = Predict(Encoding.UTF8.GetBytes(BadAge), "application/problem+json", AgeNotANumber),
        ["predict with 4 KB of parameters and a bad age"] = Predict(Encoding.UTF8.GetBytes(BadAge), "application/json; x=" + new string('y', 4096), AgeNotANumber),
        ["batch without a content type"] = Batch(Encoding.UTF8.GetBytes(CsvHeader + "\n" + CsvRow), null, a => a.Detail(HttpStatusCode.UnsupportedMediaType, "got no content type")),
        ["batch CSV labelled application/json"] = Batch(CsvHeader + "\n" + CsvRow + "\n", "application/json", a => Assert.Equal("1", Scored(a, 1))),
        ["batch JSON labelled text/csv with a bad age"] = Batch($"[{BadAge}]", "text/csv", a => Rejected(a, 1, "line 1: Age: 'x' is not a number")),
        ["batch semicolons labelled text/plain"] = Batch(CsvHeader.Replace(',', ';') + "\n", "text/plain", a => LacksColumns(a)),
        ["batch empty body as application/csv"] = Batch(string.Empty, "application/csv", a => a.Detail(HttpStatusCode.BadRequest, "the file is empty")),
        ["batch Latin-1 age as charset=latin1"] = Batch([.. Encoding.UTF8.GetBytes(CsvHeader + "\n1,1303834,2"), 0xE9, .. Encoding.UTF8.GetBytes(",3,single,rented,no,Chef,Rewa,Madhya_Pradesh,3,13\n")], "text/csv; charset=latin1", a => Rejected(a, 1, "line 2: Age: ")),
        ["batch as TEXT/CSV with a bad age"] = Batch($"{CsvHeader}\n1,1303834,x,3,single,rented,no,Chef,Rewa,Madhya_Pradesh,3,13\n", "TEXT/CSV", a => Rejected(a, 1, "line 2: Age: 'x' is not a number")),
        ["batch multipart with a quoted boundary"] = Batch("--b b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\na,b\n1,2\n\r\n--b b--\r\n", "multipart/form-data; boundary=\"b b\"", a => LacksColumns(a)),
    };


    private static readonly Dictionary<string, Case> HeaderSet = new(StringComparer.Ordinal)
    {
        ["an 8 KB header value"] = Send(s => s.SendAsync(WithHeader(Get("/api/model"), "X-Padding", new string('p', 8 * 1024))), ModelDescribed),
        ["an 8 KB User-Agent"] = Send(s => s.SendAsync(WithHeader(Get("/api/model"), "User-Agent", new string('u', 8 * 1024))), ModelDescribed),
        ["a 10 KB cookie of garbage"] = Send(s => s.SendAsync(WithHeader(Get("/api/model"), "Cookie", "x=" + new string('c', 10 * 1024))), ModelDescribed),
        ["a forged sign-in cookie on a page"] = Send(s => SendAsync(s.Bare, WithHeader(Get("/Decisions"), "Cookie", ".AspNetCore.Identity.Application=CfDJ8" + new string('A', 2000))), SignInRedirect),
        ["Accept: application/xml on a bad body"] = Send(s => s.SendAsync(WithHeader(Post("/api/predict", Json(BadAge)), "Accept", "application/xml")), AgeNotANumber),
        ["Accept: text/html on a bad body"] = Send(s => s.SendAsync(WithHeader(Post("/api/predict", Json(BadAge)), "Accept", "text/html")), AgeNotANumber),
        ["Accept-Encoding: gzip on a bad body"] = Send(s => s.SendAsync(WithHeader(Post("/api/predict", Json(BadAge)), "Accept-Encoding", "gzip, br, zstd, *;q=0")), AgeNotANumber),
        ["Content-Encoding: gzip on a plain body"] = Send(s => s.SendAsync(WithContentHeader(Post("/api/predict", Json(BadAge)), "Content-Encoding", "gzip")), AgeNotANumber),
        ["a gzipped body"] = Send(s => s.SendAsync(WithContentHeader(Post("/api/predict", Json(Gzip(ValidJson))), "Content-Encoding", "gzip")), NotJson),
        ["Expect: 100-continue on a bad body"] = Send(s => s.SendAsync(Continue(Post("/api/predict", Json(BadAge)))), AgeNotANumber),
        ["X-HTTP-Method-Override: DELETE"] = Send(s => s.SendAsync(WithHeader(Post("/api/predict", Json(BadAge)), "X-HTTP-Method-Override", "DELETE")), AgeNotANumber),
        ["X-Forwarded-For garbage"] = Send(s => s.SendAsync(WithHeader(Post("/api/predict", Json(BadAge)), "X-Forwarded-For", "' OR 1=1 --, ::::, 999.999.999.999")), AgeNotANumber),
        ["X-Forwarded-Host and Proto garbage"] = Send(s => s.SendAsync(WithHeader(WithHeader(Post("/api/predict", Json(BadAge)), "X-Forwarded-Host", "evil.example"), "X-Forwarded-Proto", "gopher")), AgeNotANumber),
        ["Range garbage on the model"] = Send(s => s.SendAsync(WithHeader(Get("/api/model"), "Range", "bytes=999999-1,abc")), ModelDescribed),
        ["If-None-Match garbage on the model"] = Send(s => s.SendAsync(WithHeader(Get("/api/model"), "If-None-Match", "\"" + new string('e', 4096))), ModelDescribed),
        ["a traceparent of garbage"] = Send(s => s.SendAsync(WithHeader(Post("/api/predict", Json(BadAge)), "traceparent", "zz-" + new string('f', 200))), AgeNotANumber),
        ["a Host of 4 KB"] = Send(s => s.SendRawAsync($"GET /api/model HTTP/1.1\r\nX-Host: {new string('h', 4096)}"), ModelDescribed),
        ["chunked and a Content-Length together"] = Raw($"POST /api/predict HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 5\r\nTransfer-Encoding: chunked", Encoding.ASCII.GetBytes($"{Encoding.UTF8.GetByteCount(BadAge):x}\r\n{BadAge}\r\n0\r\n\r\n"), AgeNotANumber),
        ["a chunk size that is not hex"] = Raw("POST /api/predict HTTP/1.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked", Encoding.ASCII.GetBytes("zz\r\n{}\r\n0\r\n\r\n"), a => a.Problem(HttpStatusCode.BadRequest)),
    };


    private static readonly Dictionary<string, Case> QuerySet = new(StringComparer.Ordinal)
    {
        ["decisions from year 1"] = Page("/Decisions?from=0001-01-01", a => DecisionsShown(a)),
        ["decisions to year 9999"] = Page("/Decisions?to=9999-12-31", a => DecisionsShown(a)),
        ["decisions from after to"] = Page("/Decisions?from=9999-12-31&to=0001-01-01", a => Assert.Contains("0 decisions match", DecisionsShown(a), StringComparison.Ordinal)),
        ["decisions from year 10000"] = Page("/Decisions?from=10000-01-01", FilterProblem("from: \"10000-01-01\" is not a date")),
        ["decisions from 30 February"] = Page("/Decisions?from=2024-02-30", FilterProblem("from: \"2024-02-30\" is not a date")),
        ["decisions to -1"] = Page("/Decisions?to=-1", FilterProblem("to: \"-1\" is not a date")),
        ["decisions from an injection"] = Page("/Decisions?from=" + Uri.EscapeDataString(InjectionText), FilterProblem($"from: \"{InjectionText}\" is not a date")),
        ["decisions from overlong UTF-8"] = Page("/Decisions?from=%C0%AF", FilterProblem("from: ")),
        ["decisions from a bad percent escape"] = Page("/Decisions?from=%ZZ", FilterProblem("from: \"%ZZ\" is not a date")),
        ["decisions repeated from"] = Page("/Decisions?from=2024-01-01&from=2025-01-01", FilterProblem("from: \"2024-01-01,2025-01-01\" is not a date")),
        ["decisions flag an injection"] = Page("/Decisions?flag=" + Uri.EscapeDataString(InjectionText), FilterProblem($"flag: \"{InjectionText}\" is not a flag")),
        ["decisions flag 2"] = Page("/Decisions?flag=2", FilterProblem("flag: \"2\" is not a flag")),
        ["decisions model an injection"] = Page("/Decisions?model=" + Uri.EscapeDataString(InjectionText), a => Assert.Contains("0 decisions match", DecisionsShown(a), StringComparison.Ordinal)),
        ["decisions model %00"] = Page("/Decisions?model=%00", a => Assert.Contains("0 decisions match", DecisionsShown(a), StringComparison.Ordinal)),
        ["decisions model of 6 KB"] = Page("/Decisions?model=" + new string('m', 6 * 1024), a => Assert.Contains("0 decisions match", DecisionsShown(a), StringComparison.Ordinal)),
        ["decisions channel a script tag"] = Page("/Decisions?channel=%3Cscript%3Ealert(1)%3C%2Fscript%3E", a => Assert.DoesNotContain("<script>alert(1)", a.Body, StringComparison.OrdinalIgnoreCase)),
        ["decisions page 99999999999 (ignored)"] = Page("/Decisions?page=99999999999", a => Assert.Matches("decisions match; showing [0-9,]+", DecisionsShown(a))),
        ["decisions before garbage"] = Page("/Decisions?before=yesterday", FilterProblem("before: \"yesterday\" is not a place in the log")),
        ["decisions before two parts"] = Page("/Decisions?before=1_2", FilterProblem("before: \"1_2\" is not a place in the log")),
        ["decisions before overflowing"] = Page("/Decisions?before=99999999999999999999_1_1", FilterProblem("before: ")),
        ["decisions before negative key"] = Page("/Decisions?before=5_-1_0", FilterProblem("before: ")),
        ["decisions before extremes"] = Page("/Decisions?before=9223372036854775807_9223372036854775807_2147483647", a => Assert.Matches("decisions match; showing [0-9,]+", DecisionsShown(a))),
        ["decisions before the oldest"] = Page("/Decisions?before=-9223372036854775808_0_0", a => Assert.Matches("decisions match; showing 0", DecisionsShown(a))),
        ["decisions after extremes"] = Page("/Decisions?after=9223372036854775807_9223372036854775807_2147483647", a => Assert.Matches("decisions match; showing [0-9,]+", DecisionsShown(a))),
        ["decisions after garbage of 6 KB"] = Page("/Decisions?after=" + new string('7', 6 * 1024), FilterProblem("after: ")),
        ["decisions before and after"] = Page("/Decisions?before=1_1_1&after=2_2_2", a => Assert.Matches("decisions match; showing [0-9,]+", DecisionsShown(a))),
        ["decisions repeated before"] = Page("/Decisions?before=1_1_1&before=2_2_2", FilterProblem("before: \"1_1_1,2_2_2\" is not a place in the log")),
        ["export from garbage"] = Send(s => s.SendAsync(Get("/decisions/export.csv?from=yesterday")), a => FilterRefused(a, "from: \"yesterday\" is not a date")),
        ["export to year 10000"] = Send(s => s.SendAsync(Get("/decisions/export.csv?to=10000-01-01")), a => FilterRefused(a, "to: \"10000-01-01\" is not a date")),
        ["export flag an injection"] = Send(s => s.SendAsync(Get("/decisions/export.csv?flag=" + Uri.EscapeDataString(InjectionText))), a => FilterRefused(a, "flag: ")),
        ["export repeated from"] = Send(s => s.SendAsync(Get("/decisions/export.csv?from=2024-01-01&from=2025-01-01")), a => FilterRefused(a, "is not a date")),
        ["export from 10 KB"] = Send(s => s.SendAsync(Get("/decisions/export.csv?from=" + new string('9', 6 * 1024))), a => FilterRefused(a, "characters)")),
        ["export model an injection"] = Send(s => s.SendAsync(Get("/decisions/export.csv?model=" + Uri.EscapeDataString(InjectionText))), HeaderOnlyExport),
        ["export model %00"] = Send(s => s.SendAsync(Get("/decisions/export.csv?model=%00")), HeaderOnlyExport),
        ["export from after to"] = Send(s => s.SendAsync(Get("/decisions/export.csv?from=9999-12-31&to=0001-01-01")), HeaderOnlyExport),
        ["runs sorted by an injection"] = OperatorPage("/Runs?sort=" + Uri.EscapeDataString(InjectionText) + "&dir=" + Uri.EscapeDataString(InjectionText)),
        ["runs page 99999999999"] = OperatorPage("/Runs?page=99999999999"),
        ["models with an injection"] = OperatorPage("/Models?version=" + Uri.EscapeDataString(InjectionText)),
        ["model API with an injection"] = Send(s => s.SendAsync(Get("/api/model?version=" + Uri.EscapeDataString(InjectionText))), ModelDescribed),
        ["health with %00 keys"] = Send(s => s.SendAsync(Get("/health/live?%00=%00&%00=%00")), a => Assert.Equal(HttpStatusCode.OK, a.Status)),
        ["metrics with junk parameters"] = Send(s => s.SendAsync(Get("/metrics?name[]=%00&name[]=" + new string('n', 4096))), a => Assert.Contains("# TYPE", a.Body, StringComparison.Ordinal)),
    };


    private static readonly Dictionary<string, Case> CsvSet = new(StringComparer.Ordinal)
    {
        ["empty file"] = Batch(string.Empty, "text/csv", a => a.Detail(HttpStatusCode.BadRequest, "the file is empty")),
        ["only line ends"] = Batch("\n\r\n\n", "text/csv", a => a.Detail(HttpStatusCode.BadRequest, "the file is empty")),
        ["only commas"] = Batch(",,,,\n", "text/csv", a => a.Detail(HttpStatusCode.BadRequest, "the file is empty")),
        ["UTF-8 BOM"] = Batch([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(CsvHeader + "\n" + CsvRow + "\n")], "text/csv", a => Assert.Equal("1", Scored(a, 1))),
        ["header only"] = Batch(CsvHeader + "\n", "text/csv", a => Assert.Equal("0", Scored(a, 0))),
        ["CR-only line ends"] = Batch(CsvHeader + "\r" + CsvRow + "\r" + CsvRow + "\r", "text/csv", a => Assert.Equal("2", Scored(a, 2))),
        ["semicolon delimiter"] = Batch(CsvHeader.Replace(',', ';') + "\n" + CsvRow.Replace(',', ';') + "\n", "text/csv", a => LacksColumns(a)),
        ["tab delimiter"] = Batch(CsvHeader.Replace(',', '\t') + "\n" + CsvRow.Replace(',', '\t') + "\n", "text/csv", a => LacksColumns(a)),
        ["header without its last column"] = Batch(CsvHeader[..CsvHeader.LastIndexOf(',')] + "\n", "text/csv", a => a.Detail(HttpStatusCode.BadRequest, "CURRENT_HOUSE_YRS")),
        ["unterminated quote"] = Batch($"{CsvHeader}\n{CsvRow}\n2,1303834,23,3,single,rented,no,\"Mechanical_engineer,Rewa,Madhya_Pradesh,3,13\n{CsvRow}\n", "text/csv", a => RejectedRow(a, "line 3: row: has a quote that is never closed")),
        ["stray quote in a field"] = Batch($"{CsvHeader}\n1,1303834,23,3,single,rented,no,Mecha\"nical,Rewa,Madhya_Pradesh,3,13\n", "text/csv", a => Rejected(a, 1, "line 2: row: has a stray quote")),
        ["text after a closing quote"] = Batch($"{CsvHeader}\n1,1303834,23,3,single,rented,no,\"Chef\"x,Rewa,Madhya_Pradesh,3,13\n", "text/csv", a => Rejected(a, 1, "line 2: row: has text after a closing quote")),
        ["a row of 10,000 fields"] = Batch($"{CsvHeader}\n{CsvRow}{string.Concat(Enumerable.Repeat(",x", 10_000 - 12))}\n", "text/csv", a => Rejected(a, 1, "line 2: row: has 10000 fields but the header has 12")),
        ["a header of 10,000 unknown columns"] = Batch(string.Join(',', Enumerable.Range(0, 10_000).Select(i => $"c{i}")) + "\n1\n", "text/csv", a => Assert.True(LacksColumns(a).Length < 1000)),
        ["a row with too few fields"] = Batch($"{CsvHeader}\n1,1303834,23\n", "text/csv", a => Rejected(a, 1, "line 2: Married/Single: is missing")),
        ["a 1 MB city"] = Batch($"{CsvHeader}\n1,1303834,23,3,single,rented,no,Chef,{Megabyte},Madhya_Pradesh,3,13\n", "text/csv", a => Rejected(a, 1, "line 2: CITY: is longer than 100 characters")),
        ["a 1 MB header line"] = Batch(Megabyte + "\n" + CsvRow + "\n", "text/csv", a => Assert.True(LacksColumns(a).Length < 1000)),
        ["a 1 MB age"] = Batch($"{CsvHeader}\n1,1303834,{Megabyte},3,single,rented,no,Chef,Rewa,Madhya_Pradesh,3,13\n", "text/csv", a => Rejected(a, 1, "line 2: Age: ")),
        ["NUL bytes in the age"] = Batch($"{CsvHeader}\n1,1303834,2\0\03,3,single,rented,no,Chef,Rewa,Madhya_Pradesh,3,13\n", "text/csv", a => Rejected(a, 1, "line 2: Age: ")),
        ["binary garbage"] = Batch(Garbage(64 * 1024), "text/csv", a => a.Detail(HttpStatusCode.BadRequest, "header")),
        ["a zip file"] = Batch(Zip(CsvHeader + "\n" + CsvRow + "\n"), "text/csv", a => LacksColumns(a)),
        ["a PNG header"] = Batch([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R'], "text/csv", a => LacksColumns(a)),
        ["UTF-16LE without BOM"] = Batch(Encoding.Unicode.GetBytes(CsvHeader + "\n" + CsvRow + "\n"), "text/csv", a => LacksColumns(a)),
        ["a spreadsheet formula in a cell"] = Batch($"{CsvHeader}\n1,=1+1,23,3,single,rented,no,Chef,Rewa,Madhya_Pradesh,3,13\n", "text/csv", a => Rejected(a, 1, "line 2: Income: '=1+1' is not a number")),
    };


    private static readonly Dictionary<string, Case> MultipartSet = new(StringComparer.Ordinal)
    {
        ["batch: no parts"] = Batch("--b--\r\n", "multipart/form-data; boundary=b", a => a.Detail(HttpStatusCode.BadRequest, "has no file")),
        ["batch: multipart without a boundary"] = Batch(FilePart("b"), "multipart/form-data", Unframed),
        ["batch: an empty boundary"] = Batch(FilePart("b"), "multipart/form-data; boundary=", Unframed),
        ["batch: a body without the boundary it names"] = Batch($"{CsvHeader}\n{CsvRow}\n", "multipart/form-data; boundary=b", Unframed),
        ["batch: no closing boundary"] = Batch($"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n{CsvHeader}\n", "multipart/form-data; boundary=b", Unframed),
        ["batch: a part with 50 headers"] = Batch($"--b\r\n{string.Concat(Enumerable.Range(0, 50).Select(i => $"X-H{i}: v\r\n"))}Content-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\na,b\r\n--b--\r\n", "multipart/form-data; boundary=b", Unframed),
        ["batch: a part without headers"] = Batch("--b\r\n\r\na,b\r\n--b--\r\n", "multipart/form-data; boundary=b", Unframed),
        ["batch: a 200-character boundary is a framing error, not a size"] = Batch(FilePart(new string('b', 200)), "multipart/form-data; boundary=" + new string('b', 200), Unframed),
        ["page: multipart without a boundary"] = Send(async s =>
        {
            var token = await s.Session.TokenAsync("/Batch");
            return await s.SendAsync(Post("/Batch", Body(Encoding.UTF8.GetBytes($"--b\r\nContent-Disposition: form-data; name=\"{PageSession.TokenField}\"\r\n\r\n{token}\r\n--b--\r\n"), "multipart/form-data")));
        }, a => PageError(a, HttpStatusCode.BadRequest, "The upload could not be read")),
        ["batch: a field but no file"] = Send(s => s.SendAsync(Post("/api/predict/batch", Fields(("file", CsvHeader)))), a => a.Detail(HttpStatusCode.BadRequest, "has no file")),
        ["batch: file part without a filename"] = Batch($"--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n{CsvHeader}\n{CsvRow}\r\n--b--\r\n", "multipart/form-data; boundary=b", a => a.Detail(HttpStatusCode.BadRequest, "has no file")),
        ["batch: an empty file"] = Send(s => s.SendAsync(Post("/api/predict/batch", Multipart(("file", "empty.csv", [])))), a => a.Detail(HttpStatusCode.BadRequest, "the file is empty")),
        ["batch: a zip file"] = Send(s => s.SendAsync(Post("/api/predict/batch", Multipart(("file", "applicants.zip", Zip(CsvHeader + "\n"))))), a => LacksColumns(a)),
        ["batch: a file of garbage"] = Send(s => s.SendAsync(Post("/api/predict/batch", Multipart(("file", "garbage.csv", Garbage(4096))))), a => a.Detail(HttpStatusCode.BadRequest, "header")),
        ["batch: a path in the filename"] = Send(s => s.SendAsync(Post("/api/predict/batch", Multipart(("file", "../../../etc/passwd", Encoding.UTF8.GetBytes("root:x:0:0:root:/root:/bin/bash\n"))))), a => LacksColumns(a)),
        ["batch: a 10 KB text field before the file"] = Send(s => s.SendAsync(Post("/api/predict/batch", Multipart(("file", "bad.csv", Encoding.UTF8.GetBytes("a,b\n1,2\n")), ("note", null, Encoding.UTF8.GetBytes(new string('n', 10 * 1024)))))), a => LacksColumns(a)),
        ["page: an empty file"] = Upload("file", "empty.csv", [], a => PageError(a, HttpStatusCode.BadRequest, "Choose a CSV or JSON file of applicants to upload.")),
        ["page: the wrong field name"] = Upload("upload", "applicants.csv", Encoding.UTF8.GetBytes(CsvHeader + "\n" + CsvRow + "\n"), a => PageError(a, HttpStatusCode.BadRequest, "Choose a CSV or JSON file of applicants to upload.")),
        ["page: binary garbage"] = Upload("file", "garbage.csv", Garbage(4096), a => PageError(a, HttpStatusCode.BadRequest, "The file cannot be read")),
        ["page: a zip file"] = Upload("file", "applicants.zip", Zip(CsvHeader + "\n"), a => PageError(a, HttpStatusCode.BadRequest, "lacks required column")),
        ["page: deep JSON"] = Upload("file", "deep.json", Encoding.UTF8.GetBytes(new string('[', 10_000) + new string(']', 10_000)), a => PageError(a, HttpStatusCode.BadRequest, "not valid JSON")),
        ["page: upload over the limit"] = Upload("file", "big.csv", Encoding.UTF8.GetBytes(Padded(CsvHeader + "\n", MaxUploadBytes + 1, '\n')), a => PageError(a, HttpStatusCode.RequestEntityTooLarge, "larger than the upload limit of 4 MB")),
        ["page: no antiforgery token"] = Send(s => s.SendAsync(Post("/Batch", Multipart(("file", "applicants.csv", Encoding.UTF8.GetBytes(CsvHeader + "\n" + CsvRow + "\n"))))), a => PageError(a, HttpStatusCode.BadRequest, "The form has expired")),
        ["page: a forged antiforgery token"] = Send(s => s.SendAsync(Post("/Batch", Multipart((PageSession.TokenField, null, Encoding.UTF8.GetBytes("CfDJ8forged")), ("file", "applicants.csv", Encoding.UTF8.GetBytes(CsvHeader))))), a => PageError(a, HttpStatusCode.BadRequest, "The form has expired")),
        ["batch: two files, the first bad"] = Send(s => s.SendAsync(Post("/api/predict/batch", Multipart(("file", "bad.csv", Encoding.UTF8.GetBytes("a,b\n")), ("file", "good.csv", Encoding.UTF8.GetBytes(CsvHeader + "\n" + CsvRow + "\n"))))), a => LacksColumns(a)),
        ["batch: the file under another field name"] = Send(s => s.SendAsync(Post("/api/predict/batch", Multipart(("upload", "bad.csv", Encoding.UTF8.GetBytes("a,b\n"))))), a => LacksColumns(a)),
        ["page: two files"] = Send(async s => { var token = await s.Session.TokenAsync("/Batch"); return await s.SendAsync(Post("/Batch", Multipart((PageSession.TokenField, null, Encoding.UTF8.GetBytes(token)), ("file", "bad.csv", Encoding.UTF8.GetBytes("a,b\n")), ("file", "good.csv", Encoding.UTF8.GetBytes(CsvHeader + "\n"))))); }, a => PageError(a, HttpStatusCode.BadRequest, "lacks required column")),
    };


    private static readonly Dictionary<string, Case> FormAndMethodSet = new(StringComparer.Ordinal)
    {
        ["form: age not a number"] = Form("age", "abc", a => FieldError(a, "age", "'abc' is not a number")),
        ["form: age 1e999"] = Form("age", "1e999", a => FieldError(a, "age", "'1e999' is not a number")),
        ["form: income NaN"] = Form("income", "NaN", a => FieldError(a, "income", "'NaN' is not a number")),
        ["form: income of 1 MB"] = Form("income", Megabyte, a => FieldError(a, "income", "characters)")),
        ["form: age sent twice"] = Send(async s =>
        {
            var fields = new List<KeyValuePair<string, string>>(Applicants.Valid()) { new("age", "abc"), new(PageSession.TokenField, await s.Session.TokenAsync("/")) };
            return await s.SendAsync(Post("/", new FormUrlEncodedContent(fields)));
        }, a => FieldError(a, "age", "was sent 2 times; send it once")),
        ["form: city of 1 MB"] = Form("city", Megabyte, a => FieldError(a, "city", "is longer than 100 characters")),
        ["form: married an injection"] = Form("married", InjectionText, a => FieldError(a, "married", "is not one of: single or married")),
        ["form: age an HTML tag"] = Form("age", "<b>30</b>", a => Assert.DoesNotContain("<b>30</b>", a.Body, StringComparison.Ordinal)),
        ["form: age missing"] = Form("age", string.Empty, a => FieldError(a, "age", "Age is missing")),
        ["/api/predict/../model on the wire"] = Send(s => s.SendRawAsync("GET /api/predict/../model HTTP/1.1"), ModelDescribed),
        ["/api/predict/%2e%2e/model on the wire"] = Send(s => s.SendRawAsync("GET /api/predict/%2e%2e/model HTTP/1.1"), ModelDescribed),
        ["login: empty fields"] = Login("{\"email\":\"\",\"password\":\"\"}", a => a.Invalid("email", "Required.")),
        ["login: an injection for the e-mail"] = Login($"{{\"email\":\"{InjectionText}\",\"password\":\"{InjectionText}\"}}", a => a.Detail(HttpStatusCode.Unauthorized, "Wrong e-mail or password")),
        ["login: NUL in the e-mail"] = Login("{\"email\":\"admin\\u0000@riskflag.test\",\"password\":\"x\"}", a => a.Detail(HttpStatusCode.Unauthorized, "Wrong e-mail or password")),
    };

    public static TheoryData<string> EncodingCases => Names(EncodingSet);

    public static TheoryData<string> ShapeCases => Names(ShapeSet);

    public static TheoryData<string> SizeCases => Names(SizeSet);

    public static TheoryData<string> ContentTypeCases => Names(ContentTypeSet);

    public static TheoryData<string> HeaderCases => Names(HeaderSet);

    public static TheoryData<string> QueryCases => Names(QuerySet);

    public static TheoryData<string> CsvCases => Names(CsvSet);

    public static TheoryData<string> MultipartCases => Names(MultipartSet);

    public static TheoryData<string> FormAndMethodCases => Names(FormAndMethodSet);

    [Theory]
    [MemberData(nameof(EncodingCases))]
    public Task Json_encodings(string hostile) => RunAsync(EncodingSet, hostile);

    [Theory]
    [MemberData(nameof(ShapeCases))]
    public Task Json_shapes_and_types(string hostile) => RunAsync(ShapeSet, hostile);

    [Theory]
    [MemberData(nameof(SizeCases))]
    public Task Sizes(string hostile) => RunAsync(SizeSet, hostile);

    [Theory]
    [MemberData(nameof(ContentTypeCases))]
    public Task Content_types(string hostile) => RunAsync(ContentTypeSet, hostile);

    [Theory]
    [MemberData(nameof(HeaderCases))]
    public Task Headers(string hostile) => RunAsync(HeaderSet, hostile);

    [Theory]
    [MemberData(nameof(QueryCases))]
    public Task Query_strings(string hostile) => RunAsync(QuerySet, hostile);

    [Theory]
    [MemberData(nameof(CsvCases))]
    public Task Csv_uploads(string hostile) => RunAsync(CsvSet, hostile);

    [Theory]
    [MemberData(nameof(MultipartCases))]
    public Task Multipart_uploads(string hostile) => RunAsync(MultipartSet, hostile);

    [Theory]
    [MemberData(nameof(FormAndMethodCases))]
    public Task Forms_methods_and_paths(string hostile) => RunAsync(FormAndMethodSet, hostile);

    private async Task RunAsync(Dictionary<string, Case> cases, string hostile)
    {
        var test = cases[hostile];
        var answer = await test.Send(site);
        test.Check(answer);
    }

    private static TheoryData<string> Names(Dictionary<string, Case> cases)
    {
        var data = new TheoryData<string>();
        foreach (var name in cases.Keys)
        {
            data.Add(name);
        }

        return data;
    }


    private static Case Send(Sender send, Action<Answer> check) => new(send, check);

    private static Case Predict(string json, Action<Answer> check) => new(s => s.SendAsync(Post("/api/predict", Json(json))), check);

    private static Case PredictBytes(byte[] json, Action<Answer> check) => new(s => s.SendAsync(Post("/api/predict", Json(json))), check);

    private static Case Predict(byte[] body, string? contentType, Action<Answer> check) => new(s => s.SendAsync(Post("/api/predict", Body(body, contentType))), check);

    private static string FilePart(string boundary) =>
        $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\na,b\r\n--{boundary}--\r\n";

    private static void Unframed(Answer answer) => answer.Detail(HttpStatusCode.BadRequest, "The multipart body could not be read");

    private static Case Batch(string body, string? contentType, Action<Answer> check) => Batch(Encoding.UTF8.GetBytes(body), contentType, check);

    private static Case Batch(byte[] body, string? contentType, Action<Answer> check) => new(s => s.SendAsync(Post("/api/predict/batch", Body(body, contentType))), check);

    /// <summary>Given a Content-Length that matches the body, unless the head frames the body itself.</summary>
    private static Case Raw(string head, byte[] body, Action<Answer> check) => new(
        s => s.SendRawAsync(head.Contains("Content-Length", StringComparison.Ordinal) || head.Contains("Transfer-Encoding", StringComparison.Ordinal) ? head : $"{head}\r\nContent-Length: {body.Length}", body),
        check);

    /// <summary>The operator pages name the folders they read by design, so only other server paths count as leaks there.</summary>
    private static Case OperatorPage(string path) => new(async s => (await s.SendAsync(Get(path))) with { OperatorFolder = s.Site.Model.Path }, a => a.StyledPage(HttpStatusCode.OK));

    private static Case Page(string path, Action<Answer> check) => new(s => s.SendAsync(Get(path)), check);

    private static Case Login(string json, Action<Answer> check) => new(s => SendAsync(s.Bare, Post("/api/auth/login", Json(json))), check);

    private static Case Method(string method, string path, HttpStatusCode status) => new(
        s => s.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method is "GET" or "DELETE" ? null : Json(ValidJson) }),
        a =>
        {
            a.Detail(status, method);
            Assert.False(string.IsNullOrEmpty(a.Header("Allow")), $"no Allow header: {a.Describe}");
        });

    /// <summary>A valid applicant with a hostile Authorization header, from a client that has no credentials of its own.</summary>
    private static Case Authorized(string authorization) => new(s => SendAsync(s.Bare, WithHeader(PredictRequest(), "Authorization", authorization)), Unauthorized);

    private static Case Form(string field, string value, Action<Answer> check) => new(
        async s =>
        {
            var values = new Dictionary<string, string>(Applicants.With(field, value)) { [PageSession.TokenField] = await s.Session.TokenAsync("/") };
            return await s.SendAsync(Post("/", new FormUrlEncodedContent(values)));
        },
        check);

    private static Case Upload(string fieldName, string fileName, byte[] content, Action<Answer> check) => new(
        async s =>
        {
            var token = await s.Session.TokenAsync("/Batch");
            return await s.SendAsync(Post("/Batch", Multipart((PageSession.TokenField, null, Encoding.UTF8.GetBytes(token)), (fieldName, fileName, content))));
        },
        check);

    private static HttpRequestMessage PredictRequest() => Post("/api/predict", Json(ValidJson));

    private static HttpRequestMessage WithHeader(HttpRequestMessage request, string name, string value)
    {
        Assert.True(request.Headers.TryAddWithoutValidation(name, value));
        return request;
    }

    private static HttpRequestMessage WithContentHeader(HttpRequestMessage request, string name, string value)
    {
        Assert.True(request.Content!.Headers.TryAddWithoutValidation(name, value));
        return request;
    }

    private static HttpRequestMessage Continue(HttpRequestMessage request)
    {
        request.Headers.ExpectContinue = true;
        return request;
    }

    /// <summary>Parts as (field name, file name or null for a plain field, bytes).</summary>
    private static MultipartFormDataContent Multipart(params (string Name, string? FileName, byte[] Bytes)[] parts)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, fileName, bytes) in parts)
        {
            var part = new ByteArrayContent(bytes);
            if (fileName is null)
            {
                form.Add(part, name);
            }
            else
            {
                part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
                form.Add(part, name, fileName);
            }
        }

        return form;
    }

    /// <summary>One part (its headers, a blank line, its content) between <paramref name="boundary"/> lines.</summary>
    private static byte[] MultipartBytes(string boundary, string part) => Encoding.UTF8.GetBytes($"--{boundary}\r\n{part}\r\n--{boundary}--\r\n");

    private static MultipartFormDataContent Fields(params (string Name, string Value)[] fields) =>
        Multipart([.. fields.Select(f => (f.Name, (string?)null, Encoding.UTF8.GetBytes(f.Value)))]);

    /// <summary>Sent without a Content-Length, so only reading the body can find it too large.</summary>
    private static StreamContent Chunked(string text, string contentType)
    {
        var content = new StreamContent(new UnseekableStream(Encoding.UTF8.GetBytes(text)));
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }


    /// <summary>Whitespace after <paramref name="text"/> up to <paramref name="length"/> bytes: still valid, only too long.</summary>
    private static string Padded(string text, int length, char padding = ' ') => text + new string(padding, length - Encoding.UTF8.GetByteCount(text));

    private static byte[] Garbage(int length)
    {
        var bytes = new byte[length];
        new Random(20_240_601).NextBytes(bytes);
        // Not '[' or '{' first, so the file is read as CSV rather than JSON.
        bytes[0] = 0x01;
        return bytes;
    }

    private static byte[] Zip(string csv)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("applicants.csv").Open();
            entry.Write(Encoding.UTF8.GetBytes(csv));
        }

        return buffer.ToArray();
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }

    private static string Flip(string token) => (token[10] == 'A' ? 'B' : 'A') + token[..10] + token[11..];


    private static void AgeNotANumber(Answer answer) => answer.Invalid("age", "'x' is not a number");

    private static void SignInRedirect(Answer answer)
    {
        Assert.True(answer.Status == HttpStatusCode.Redirect, $"expected the sign-in page: {answer.Describe}");
        Assert.StartsWith("/Account/SignIn", new Uri(new Uri("http://x"), answer.Header("Location")).PathAndQuery, StringComparison.Ordinal);
    }

    /// <summary>A scored CSV with at least one row rejected for a reason containing <paramref name="says"/>.</summary>
    private static void RejectedRow(Answer answer, string says)
    {
        Assert.True(answer.Status == HttpStatusCode.OK, $"expected a scored file: {answer.Describe}");
        Assert.NotEqual("0", answer.Header(RiskFlag.Web.Api.BatchEndpoint.RowsRejectedHeader));
        Assert.True(answer.Body.Split('\n').Any(l => l.Contains(",rejected,", StringComparison.Ordinal) && l.Contains(says, StringComparison.Ordinal)), $"no rejected row says \"{says}\": {answer.Describe}");
    }

    private static void NotUtf8(Answer answer)
    {
        var detail = answer.Detail(HttpStatusCode.BadRequest, "is not valid UTF-8");
        Assert.Matches("the string at byte [0-9]+", detail);
    }

    private static void NotJson(Answer answer) => NotJson(answer, "LineNumber");

    private static void NotJson(Answer answer, string says)
    {
        var detail = answer.Detail(HttpStatusCode.BadRequest, "The body is not valid JSON");
        Assert.True(detail.Contains(says, StringComparison.OrdinalIgnoreCase), $"detail lacks \"{says}\": {answer.Describe}");
        Assert.True(detail.Length < 1000, $"a detail of {detail.Length} characters");
    }

    private static Action<Answer> TooLarge(string limit) => a => a.Detail(HttpStatusCode.RequestEntityTooLarge, $"larger than the limit of {limit}");

    private static void Unauthorized(Answer answer)
    {
        var detail = answer.Detail(HttpStatusCode.Unauthorized, string.Empty);
        Assert.False(string.IsNullOrWhiteSpace(detail), $"a 401 that does not say why: {answer.Describe}");
        Assert.Contains("Bearer", answer.Header("WWW-Authenticate"), StringComparison.Ordinal);
    }

    private static void Scored(Answer answer)
    {
        Assert.True(answer.Status == HttpStatusCode.OK, $"expected a prediction: {answer.Describe}");
        Assert.Contains("\"risk_probability\"", answer.Body, StringComparison.Ordinal);
    }

    /// <summary>A scored CSV with <paramref name="rows"/> rows read; returns how many were scored.</summary>
    private static string Scored(Answer answer, int rows)
    {
        Assert.True(answer.Status == HttpStatusCode.OK, $"expected a scored file: {answer.Describe}");
        Assert.Equal("text/csv", answer.MediaType);
        Assert.Equal(rows.ToString(System.Globalization.CultureInfo.InvariantCulture), answer.Header(RiskFlag.Web.Api.BatchEndpoint.RowsReadHeader));
        return answer.Header(RiskFlag.Web.Api.BatchEndpoint.RowsScoredHeader);
    }

    /// <summary>A scored CSV whose rows were all rejected, the first with a reason containing <paramref name="says"/>.</summary>
    private static void Rejected(Answer answer, int rows, string says)
    {
        Assert.Equal("0", Scored(answer, rows));
        Assert.Equal(rows.ToString(System.Globalization.CultureInfo.InvariantCulture), answer.Header(RiskFlag.Web.Api.BatchEndpoint.RowsRejectedHeader));
        var lines = answer.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length > 1, $"no rows: {answer.Describe}");
        Assert.Contains(",rejected,", lines[1], StringComparison.Ordinal);
        Assert.True(lines[1].Contains(says, StringComparison.Ordinal), $"the first rejection lacks \"{says}\": {InputExcerptOf(lines[1])}");
        Assert.True(lines[1].Length < 2 * 1024 * 1024 + 1000, "the rejected row echoes more than was sent");
    }

    private static string LacksColumns(Answer answer)
    {
        var detail = answer.Detail(HttpStatusCode.BadRequest, "lacks required column");
        Assert.Contains("Income", detail, StringComparison.Ordinal);
        return detail;
    }

    private static void ModelDescribed(Answer answer)
    {
        Assert.True(answer.Status == HttpStatusCode.OK, $"expected the model: {answer.Describe}");
        Assert.Contains("\"version\"", answer.Body, StringComparison.Ordinal);
    }

    private static void PageError(Answer answer, HttpStatusCode status, string says)
    {
        var html = answer.StyledPage(status);
        Assert.True(html.Contains(says, StringComparison.Ordinal), $"the page lacks \"{says}\": {answer.Describe}");
    }

    private static void FieldError(Answer answer, string field, string says)
    {
        var html = answer.StyledPage(HttpStatusCode.BadRequest);
        Assert.DoesNotContain("RISK FLAG:", html, StringComparison.Ordinal);
        var shown = PageSession.TextOf(html, "p", $"{field}-error") ?? string.Empty;
        Assert.True(shown.Contains(says, StringComparison.Ordinal), $"{field}-error lacks \"{says}\": {InputExcerptOf(shown.Length > 0 ? shown : html)}");
        Assert.True(shown.Length < 400, $"{field}-error repeats {shown.Length} characters");
    }

    /// <summary>The decision count line of the Decisions page.</summary>
    private static string DecisionsShown(Answer answer)
    {
        var html = answer.StyledPage();
        var count = PageSession.TextOf(html, "p", "decision-count");
        Assert.True(count is not null, $"no decision count: {answer.Describe}");
        return count;
    }

    private static Action<Answer> FilterProblem(string says) => a =>
    {
        var html = a.StyledPage();
        var shown = Regex.Match(html, "<div[^>]*id=\"filter-problems\"[^>]*>(.*?)</div>", RegexOptions.Singleline);
        Assert.True(shown.Success && shown.Groups[1].Value.Contains(says, StringComparison.Ordinal), $"filter problems lack \"{says}\": {a.Describe}");
    };

    private static void FilterRefused(Answer answer, string says)
    {
        var messages = answer.Invalid("filter", says);
        Assert.NotEmpty(messages);
    }

    private static void HeaderOnlyExport(Answer answer)
    {
        Assert.True(answer.Status == HttpStatusCode.OK, $"expected an export: {answer.Describe}");
        Assert.Equal("text/csv", answer.MediaType);
        Assert.Equal(string.Join(',', RiskFlag.Web.Decisions.DecisionCsvEndpoint.Header), answer.Body.TrimEnd('\n'));
    }

    private static string InputExcerptOf(string text) => RiskFlag.Core.Parsing.InputExcerpt.Of(text, 300);

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}

internal static class ByteReplace
{
    public static byte[] Replace(this byte[] bytes, ReadOnlySpan<byte> what, ReadOnlySpan<byte> with)
    {
        var at = bytes.AsSpan().IndexOf(what);
        Assert.True(at >= 0);
        return [.. bytes.AsSpan(0, at), .. with, .. bytes.AsSpan(at + what.Length)];
    }
}
