// Expressions with the value Gravitee gives them, over one fixed request and one fixed message
// (./gravitee-values.test.ts runs them through a compiled gateway). Each value is what Gravitee's
// template engine renders: every `{…}` block is converted to text by Spring's conversion service
// (null → "", a list → items joined with ",", a Java double → Double.toString, e.g. "2.0").
// `why` says where the value comes from: SpEL's reference and sources (OpPlus, OpDivide,
// StandardTypeComparator, …), gravitee-expression-language (SpelExpressionParser's template
// openings, HttpHeadersPropertyAccessor: one value per header line), gravitee-gateway-api
// (EvaluableRequest, ExecutionContext attribute names), and the JDK (String.split, URLEncoder, …).

/** The request every REQUEST case is evaluated over (sent by the test, proxied to BACKEND). */
export const REQUEST = {
  method: "POST",
  path: "/el/all?tag=a&tag=b&n=7&q=hello%20world",
  headers: {
    "X-A": ["a1", "a2"],
    "X-Csv": "x, y",
    "X-Count": "7",
    "X-Tenant": "acme",
    "X-Empty": "",
    "Content-Type": "application/json",
  },
  body: '{"user":{"name":"ann","roles":["admin","dev"]},"n":5,"price":2.5}',
} as const;

/** What the backend answers. */
export const BACKEND = {
  status: 201,
  headers: { "X-R": ["r1", "r2"], "Content-Type": "application/json" },
  body: '{"items":[1,2,3],"name":"widget"}',
} as const;

/** Attributes an assign-attributes step sets before the cases run (Gravitee stores them as text). */
export const ATTRIBUTES = { count: "5", flag: "true", empty: "" } as const;

export interface GraviteeCase {
  /** A template, as it would be written in a policy's configuration. */
  source: string;
  /** Gravitee's rendering. */
  expected: string;
  why: string;
}

const c = (source: string, expected: string, why: string): GraviteeCase => ({ source, expected, why });

export const REQUEST_CASES: GraviteeCase[] = [
  // Repeated headers: one value per header line (HttpHeadersPropertyAccessor returns getAll(name)).
  c("{#request.headers['X-A'][0]}", "a1", "getAll: the first line's value"),
  c("{#request.headers['x-a'][1]}", "a2", "header names are case-insensitive"),
  c("{#request.headers['X-A'].size()}", "2", "two X-A lines, two values"),
  c(
    "{#request.headers['X-A']}",
    "a1,a2",
    "a List renders through Spring's CollectionToStringConverter (',')",
  ),
  c("{#request.headers['X-Csv'][0]}", "x, y", "one line is one value: commas are not split"),
  c("{#request.headers['X-Csv'].size()}", "1", "one line is one value"),
  c("{#request.headers.getFirst('X-A')}", "a1", "HttpHeaders.getFirst (whitelisted)"),
  c("{#request.headers.containsKey('X-A')}", "true", "HttpHeaders.containsKey (whitelisted)"),
  c("{#request.headers.containsKey('X-None')}", "false", "absent header"),
  c("{#request.headers['X-A'].contains('a2')}", "true", "Collection.contains"),
  c(
    "{#request.headers['X-None'] == null}",
    "true",
    "an absent header is null (gravitee-gateway-api#125, since 3.15)",
  ),
  c("{#request.headers['X-None'] ?: 'dflt'}", "dflt", "Elvis on an absent header"),
  c("{#request.headers['X-None']}", "", "an absent header renders as nothing"),
  c("{#request.headers['X-None']?.size()}", "", "safe navigation on an absent header"),
  c("{#request.headers['X-Count'][0] == '7'}", "true", "text equals text"),
  c("{#request.headers['X-A'].?[#this.endsWith('2')]}", "a2", "selection keeps matching items"),
  c("{#request.headers['X-A'].![#this.toUpperCase()]}", "A1,A2", "projection maps each item"),
  c("{#request.headers['X-A'].![#this + '!']}", "a1!,a2!", "projection with concatenation"),
  c("{#request.headers['X-A'].?[#this == 'zz'].size()}", "0", "empty selection"),
  c("{#request.headers['X-Empty'][0].isEmpty()}", "true", "an empty header line is one empty value"),
  c("{#request.headers['X-Tenant'][0].toUpperCase()}", "ACME", "String.toUpperCase"),
  c("{#request.headers['X-A'].isEmpty()}", "false", "Collection.isEmpty"),
  c("{#request.headers['x-a'].get(1)}", "a2", "List.get(int)"),
  c(
    "{T(Integer).parseInt(#request.headers['X-Count'][0]) * 2}",
    "14",
    "Gravitee's documented cast, then int arithmetic",
  ),
  c("{T(Integer).parseInt(#request.headers['X-Count'][0]) > 5}", "true", "int comparison after the cast"),
  // Query parameters (#request.params, a MultiValueMap of decoded values).
  c("{#request.params['tag'][0]}", "a", "first value of a repeated parameter"),
  c("{#request.params['tag'][1]}", "b", "second value"),
  c("{#request.params['tag'].size()}", "2", "two values"),
  c("{#request.params['tag']}", "a,b", "a List renders joined with ','"),
  c("{#request.params['n'][0] == '7'}", "true", "parameters are text"),
  c("{#request.params['q'][0]}", "hello world", "values are URL-decoded"),
  c("{#request.params.containsKey('tag')}", "true", "Map.containsKey"),
  c("{#request.params.getFirst('tag')}", "a", "MultiValueMap.getFirst (whitelisted)"),
  // Request scalars (EvaluableRequest).
  c("{#request.method}", "POST", "getMethod(): the method's name"),
  c("{#request.scheme}", "http", "getScheme()"),
  c("{#request.path}", "/el/all", "getPath(): without the query"),
  c("{#request.paths.length}", "3", 'getPaths(): "/el/all".split("/") is the array ["", "el", "all"]'),
  c("{#request.paths}", ",el,all", "an array renders joined with ','"),
  c("{#request.paths[2]}", "all", "the last segment"),
  c("{#request.paths[0].isEmpty()}", "true", "split keeps the leading empty string"),
  c("{#request.uri.contains('tag=a&tag=b')}", "true", "getUri(): path and query"),
  c("{#request.version}", "HTTP_1_1", "getVersion(): HttpVersion's name"),
  c("{#request.timestamp > 0}", "true", "getTimestamp(): a long, ms since the epoch"),
  c("{#request.remoteAddress}", "127.0.0.1", "getRemoteAddress()"),
  c("{#request.localAddress}", "127.0.0.1", "getLocalAddress()"),
  c("{#request.id.length()}", "36", "the request id is a UUID"),
  c(
    "{#request.transactionId == #request.id}",
    "true",
    "no X-Gravitee-Transaction-Id sent: it is the request id",
  ),
  // The request body, buffered because an expression reads it.
  c("{#request.content}", REQUEST.body, "getContent(): the body as text"),
  c("{#request.content.length()}", String(REQUEST.body.length), "String.length"),
  c("{#request.content.contains('ann')}", "true", "String.contains"),
  c("{#request.content matches '.*\"n\":5.*'}", "true", "matches is a whole-string match"),
  c("{#jsonPath(#request.content, '$.user.name')}", "ann", "#jsonPath (Jayway JsonPath)"),
  c("{#jsonPath(#request.content, '$.user.roles[1]')}", "dev", "array index"),
  c("{#jsonPath(#request.content, \"$['user']['name']\")}", "ann", "bracket notation"),
  c("{#jsonPath(#request.content, '$.n') + 1}", "6", "a JSON integer is an Integer: 5 + 1"),
  c("{#jsonPath(#request.content, '$.price')}", "2.5", "a JSON decimal is a Double"),
  c("{#jsonPath(#request.content, '$.user.roles')}", "admin,dev", "a JSON array is a List: joined with ','"),
  c("{#jsonPath(#request.content, '$.missing')}", "", "a missing leaf renders as nothing"),
  // The response (the backend answered 201 with two X-R lines and a JSON body).
  c("{#response.status}", "201", "getStatus(): an int"),
  c("{#response.status / 100}", "2", "int division truncates"),
  c("{#response.status == 201}", "true", "int equality"),
  c("{#response.status >= 200 && #response.status < 300}", "true", "int ordering"),
  c("{#response.headers['X-R'][0]}", "r1", "response headers: one value per line"),
  c("{#response.headers['X-R'].size()}", "2", "two X-R lines"),
  c("{#response.headers['Content-Type'][0]}", "application/json", "case-insensitive name"),
  c("{#response.content}", BACKEND.body, "the response body, buffered because an expression reads it"),
  c("{#jsonPath(#response.content, '$.items[2]')}", "3", "#jsonPath on the response body"),
  c(
    "{#jsonPath(#response.content, '$.name').toUpperCase()}",
    "WIDGET",
    "String method on the extracted text",
  ),
  c("{#response.content.length()}", String(BACKEND.body.length), "String.length"),
  // Attributes: set as text by assign-attributes, and Gravitee's built-in ones.
  c("{#context.attributes['count']}", "5", "an attribute set by assign-attributes"),
  c("{#context.attributes['count'] == '5'}", "true", "text equals text"),
  c(
    "{#context.attributes['count'] == 5}",
    "false",
    "SpEL's equality does not convert: String '5' is not Integer 5",
  ),
  c("{#context.attributes['count'] + 1}", "51", "OpPlus: a String on the left concatenates"),
  c("{#context.attributes['count'] * 2}", "55", "OpMultiply repeats a String"),
  c("{#context.attributes['flag'] == 'true'}", "true", "text"),
  c("{#context.attributes['missing']}", "", "an absent attribute is null: renders as nothing"),
  c("{#context.attributes['missing'] == null}", "true", "null equals null"),
  c("{#context.attributes['missing']?.length()}", "", "safe navigation on null is null"),
  c("{#context.attributes['missing'] ?: 'dflt'}", "dflt", "Elvis on null"),
  c("{#context.attributes['empty'] ?: 'dflt'}", "dflt", "SpEL's Elvis also falls back on an empty String"),
  c("{('k' + #context.attributes['missing'])}", "knull", "OpPlus writes null as 'null'"),
  c("{'k' + #request.method}", "{'k' + #request.method}", "'{' then a quote opens no block: literal text"),
  c("{#context.attributes['api']}", "el-values", "ATTR_API: the API's id (metadata.name in Sluice)"),
  c("{#context.attributes['api.name']}", "EL values", "ATTR_API_NAME"),
  c("{#context.attributes['plan']}", "free", "ATTR_PLAN: the plan's id"),
  c("{#context.attributes['application']}", "1", "keyless plans: APPLICATION_NAME_ANONYMOUS"),
  c(
    "{#context.attributes['user-id']}",
    "127.0.0.1",
    "keyless plans: ATTR_SUBSCRIPTION_ID is the remote address",
  ),
  c("{#context.attributes['sluice.flows']}", "", "engine state is not an attribute"),
  c("{#context.attributes.containsKey('sluice.flows')}", "false", "engine state is not an attribute"),
  c("{#context.attributes.containsKey('count')}", "true", "Map.containsKey"),
  // The API.
  c("{#api.name}", "EL values", "spec.name"),
  c("{#api.version}", "1.2", "spec.version"),
  c("{#api.properties['region']}", "eu", "API properties"),
  // Literals and operators (SpEL: ints stay ints, a decimal literal is a double).
  c("{(1 + 2)}", "3", "int + int"),
  c("{(7 / 2)}", "3", "OpDivide on two ints: integer division"),
  c("{(-7 / 2)}", "-3", "Java truncates towards zero"),
  c("{(7.0 / 2)}", "3.5", "a double makes it a double division"),
  c("{(7 % 3)}", "1", "int remainder"),
  c("{(1.5 * 2)}", "3.0", "double result: Double.toString shows the fraction"),
  c("{(2.0)}", "2.0", "a double literal"),
  c("{(0.1 + 0.2)}", "0.30000000000000004", "IEEE doubles, shortest representation"),
  c("{(1e3)}", "1000.0", "an exponent makes a double"),
  c("{(1e7)}", "1.0E7", "Double.toString switches to E notation at 10^7"),
  c("{(10 / 4 * 2)}", "4", "left to right: (10 / 4) * 2 with int division"),
  c("{(2 + 3 * 4)}", "14", "* binds tighter than +"),
  c("{(0x1F)}", "31", "hexadecimal int"),
  c("{(2 ^ 10)}", "1024", "OpPower on ints is an int"),
  c("{(-2^2)}", "4", "unary minus binds tighter than ^"),
  c("{(2.0 ^ 3)}", "8.0", "OpPower with a double is a double"),
  c("{(2 ^ -1)}", "0", "an int power is truncated"),
  c("{(5L / 2)}", "2", "long division"),
  c("{(1 + 2 + 'x')}", "3x", "left to right: 3, then text"),
  c("{('x' + 1 + 2)}", "x12", "text first: every + concatenates"),
  c("{('x' + 2.5)}", "x2.5", "a double in text"),
  c("{('x' + 2.0)}", "x2.0", "Double.toString in concatenation"),
  c("{(null + 'x')}", "nullx", "OpPlus: String.valueOf(null)"),
  c("{('x' + null)}", "xnull", "OpPlus: String.valueOf(null)"),
  c("{('a' + true)}", "atrue", "a boolean in text"),
  c("{('ab' * 3)}", "ababab", "OpMultiply repeats a String"),
  c("{('it''s')}", "it's", "a doubled quote is one quote"),
  c("{('a\\nb'.length())}", "4", "no backslash escapes in SpEL strings"),
  c("{(null)}", "", "null renders as nothing"),
  c("{(null?.size())}", "", "safe navigation on null"),
  c("{(true and false)}", "false", "word operators"),
  c("{(true or false)}", "true", "word operators"),
  c("{(not false)}", "true", "word operators"),
  c("{(!true)}", "false", "negation"),
  c("{(3 > 2 ? 'yes' : 'no')}", "yes", "ternary"),
  c("{('b' > 'a')}", "true", "String.compareTo"),
  c("{('B' < 'a')}", "true", "UTF-16 code units: 'B' (66) < 'a' (97)"),
  c("{(null < 1)}", "true", "StandardTypeComparator: null sorts first"),
  c("{(2 == 2.0)}", "true", "numbers compare by value"),
  c("{('abc' == 'abc')}", "true", "String equality"),
  c("{(5 eq 5)}", "true", "eq"),
  c("{(5 ne 6)}", "true", "ne"),
  c("{(3 ge 3)}", "true", "ge"),
  c("{(false < true)}", "true", "Booleans are Comparable"),
  c("{(10 mod 4)}", "2", "mod"),
  c("{(10 div 4)}", "2", "div on ints"),
  // String methods (java.lang.String is whitelisted as a whole).
  c(
    "{('a,b,,c,,'.split(',').length)}",
    "4",
    "String.split drops trailing empty strings; an array has .length",
  ),
  c("{('a-b-c'.split('-')[1])}", "b", "split takes a regex"),
  c("{('a1b2'.replaceAll('[0-9]', '#'))}", "a#b#", "replaceAll with a regex"),
  c("{('2024-01-15'.replaceAll('(\\d+)-(\\d+)-(\\d+)', '$3/$2/$1'))}", "15/01/2024", "Java group references"),
  c("{('aaa'.replaceFirst('a', 'b'))}", "baa", "replaceFirst"),
  c("{('foo'.concat('bar'))}", "foobar", "concat"),
  c("{('hello'.charAt(1))}", "e", "charAt: a char renders as one character"),
  c("{('hello'.charAt(1) + 'x')}", "ex", "OpPlus: a char joins text"),
  c("{('hello'.charAt(1).toString() == 'e')}", "true", "Character.toString is a String"),
  c("{('a1a'.replaceAll('a', '<$0>'))}", "<a>1<a>", "$0 is the whole match"),
  c("{#request.headers['X-A'].contains(1)}", "false", "List.contains uses equals: an Integer is no String"),
  c("{('   '.isBlank())}", "true", "isBlank"),
  c("{('a/b/c'.lastIndexOf('/'))}", "3", "lastIndexOf"),
  c("{('hello'.indexOf('l'))}", "2", "indexOf"),
  c("{('Hello'.substring(1, 3))}", "el", "substring(begin, end)"),
  c("{(' x '.trim())}", "x", "trim"),
  c("{('abc'.startsWith('ab'))}", "true", "startsWith"),
  c("{('abc'.endsWith('bc'))}", "true", "endsWith"),
  c("{('ABC'.equalsIgnoreCase('abc'))}", "true", "equalsIgnoreCase"),
  c("{('a.b'.replace('.', '-'))}", "a-b", "replace is literal"),
  c("{('abc'.length())}", "3", "length"),
  c("{('x'.toString())}", "x", "toString"),
  c("{('abc' matches '[a-c]+')}", "true", "matches operator: whole string"),
  c("{('abc'.matches('b'))}", "false", "String.matches: whole string"),
  // Type references (Gravitee's whitelist).
  c("{T(Math).max(3, 7)}", "7", "Math.max(int, int) is an int"),
  c("{T(java.lang.Math).abs(-4)}", "4", "fully qualified name"),
  c("{T(Math).round(2.5)}", "3", "Math.round(double) is a long, half up"),
  c("{T(Math).floor(2.7)}", "2.0", "Math.floor returns a double"),
  c("{T(Math).ceil(2.1)}", "3.0", "Math.ceil returns a double"),
  c("{T(Math).pow(2, 10)}", "1024.0", "Math.pow returns a double"),
  c("{T(Math).sqrt(16)}", "4.0", "Math.sqrt returns a double"),
  c(
    "{T(Math).min(1.5, 2.0)}",
    "1.5",
    "Math.min(double, double) (with 2 instead of 2.0 SpEL finds the call ambiguous)",
  ),
  c("{T(Integer).parseInt('42') + 1}", "43", "Integer.parseInt"),
  c("{T(Integer).valueOf('12') / 5}", "2", "Integer.valueOf: an Integer, int division"),
  c("{T(Double).parseDouble('2.5') * 2}", "5.0", "Double.parseDouble"),
  c("{T(Long).parseLong('9000000000') + 1}", "9000000001", "Long.parseLong"),
  c("{T(String).valueOf(12)}", "12", "String.valueOf"),
  c("{T(java.util.UUID).randomUUID().toString().length()}", "36", "UUID.randomUUID"),
  c("{T(java.net.URLEncoder).encode('a b&c', 'UTF-8')}", "a+b%26c", "URLEncoder: form encoding"),
  c("{T(java.net.URLDecoder).decode('a+b%26c', 'UTF-8')}", "a b&c", "URLDecoder"),
  c(
    "{T(java.util.Base64).getEncoder().encodeToString('hello'.getBytes())}",
    "aGVsbG8=",
    "Base64 of the UTF-8 bytes",
  ),
  c("{T(java.lang.System).currentTimeMillis() > 0}", "true", "System.currentTimeMillis (whitelisted)"),
  c("{T(java.time.LocalDate).now().toString().length()}", "10", "LocalDate.toString is yyyy-MM-dd"),
  // Inline lists, selection, projection.
  c("{({'GET','POST'}.contains(#request.method))}", "true", "an inline list"),
  c("{({'a','b','c'}.size())}", "3", "inline list size"),
  c("{({'a','b'})}", "a,b", "a List renders joined with ','"),
  c("{({'x','yy','zzz'}.?[#this.length() > 1])}", "yy,zzz", "selection"),
  c("{({'x','yy'}.![#this.length()])}", "1,2", "projection to numbers renders as they do"),
  c("{#request.method matches 'P.*'}", "true", "matches"),
  // Templates: what opens a block (SpelExpressionParser: `{`, spaces, then #, T or ().
  c("id={#request.method}-{#request.headers['X-Tenant'][0]}", "id=POST-acme", "text around blocks"),
  c("{ #request.method}", "POST", "spaces after the brace still open a block"),
  c("{\"literal\": {'not EL'}}", "{\"literal\": {'not EL'}}", "a brace followed by anything else is text"),
  c("{#jsonPath('{\"a\":7}', '$.a')}", "7", "#jsonPath over a literal"),
];

/** Expressions Gravitee fails on at run time: the request fails (assign-content answers 500). */
export const FAILING_CASES: GraviteeCase[] = [
  c("{#context.attributes['count'] > 3}", "", "StandardTypeComparator cannot compare String and Integer"),
  c("{#context.attributes['flag'] < 1}", "", "StandardTypeComparator cannot compare String and Integer"),
  c("{(1 / 0)}", "", "ArithmeticException: / by zero"),
  c("{T(Integer).parseInt('x')}", "", "NumberFormatException"),
  c("{#context.attributes['missing'] + 1}", "", "OpPlus cannot add null and Integer"),
  c("{('abc'.charAt(5))}", "", "StringIndexOutOfBoundsException"),
];

/** The message every MESSAGE case is evaluated over (an http-post with two X-M lines). */
export const MESSAGE = {
  headers: { "X-M": ["m1", "m2"], "X-Kind": "order" },
  body: "hello world",
} as const;

export const MESSAGE_CASES: GraviteeCase[] = [
  c("{#message.content}", "hello world", "the message's content as text"),
  c("{#message.content.toUpperCase()}", "HELLO WORLD", "String method"),
  c("{#message.content.split(' ').length}", "2", "split gives an array"),
  c("{#message.content.length()}", "11", "length"),
  c("{#message.contentLength}", "11", "contentLength: the content's size in bytes"),
  c("{#message.content + '!'}", "hello world!", "concatenation"),
  c("{#message.content matches 'hello.*'}", "true", "matches"),
  c("{#message.headers['X-M'][0]}", "m1", "message headers: one value per line"),
  c("{#message.headers['x-m'][1]}", "m2", "case-insensitive"),
  c("{#message.headers['X-M'].size()}", "2", "two values"),
  c("{#message.headers['X-Kind'][0] == 'order'}", "true", "text equality"),
  c("{#message.headers.containsKey('X-M')}", "true", "containsKey"),
  c("{#message.error}", "false", "a message that is not an error"),
  c("{#message.attributes['missing']}", "", "absent attribute"),
  c("{#request.method}", "POST", "the request is there in message flows too"),
];
