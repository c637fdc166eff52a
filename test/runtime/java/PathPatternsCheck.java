// Gravitee 4.10's PathPatterns.transform and HttpSelectorConditionFilter.isPathMatches, verbatim in
// behaviour, run by test/runtime/flow-path-regex.test.ts as a single-file Java program: each input
// line is `base64(path) base64(request path)`, each output line `STARTS_WITH EQUALS` (true/false) or
// `ERR <description>` when Java refuses the pattern.
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

public class PathPatternsCheck {
    private static final String PATH_PARAM_REGEX = "[a-zA-Z0-9\\-._~%!$&'()* +,;=:@|]+";
    private static final Pattern SEPARATOR_SPLITTER = Pattern.compile("/");

    static Pattern transform(String path) {
        String[] branches = SEPARATOR_SPLITTER.split(path);
        StringBuilder buffer = new StringBuilder("/");
        for (final String branch : branches) {
            if (!branch.isEmpty()) {
                buffer.append(branch.startsWith(":") ? PATH_PARAM_REGEX : branch);
                buffer.append("/");
            }
        }
        buffer.append('?');
        return Pattern.compile(buffer.toString());
    }

    public static void main(String[] args) throws Exception {
        Base64.Decoder b64 = Base64.getDecoder();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        for (String line; (line = in.readLine()) != null; ) {
            String[] f = line.split(" ", -1);
            String path = new String(b64.decode(f[0]), StandardCharsets.UTF_8);
            String request = new String(b64.decode(f[1]), StandardCharsets.UTF_8);
            try {
                Pattern p = transform(path);
                out.append(p.matcher(request).lookingAt()).append(' ').append(p.matcher(request).matches()).append('\n');
            } catch (PatternSyntaxException e) {
                out.append("ERR ").append(e.getDescription()).append('\n');
            }
        }
        System.out.print(out);
    }
}
