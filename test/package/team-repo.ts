// A small API repository as a team would keep it, not taken from this repository's apis/: a
// MESSAGE API on the mock endpoint (answers without any broker) and a Kafka API (links the Kafka
// client, whose WebAssembly the bundle must carry). Used by the package and bundle tests.
export const TEAM_APIS: Record<string, string> = {
  "apis/ticker.yaml": `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: ticker
spec:
  name: Ticker
  version: "2.1"
  type: MESSAGE
  listeners:
    - type: HTTP
      paths:
        - path: /ticker
      entrypoints:
        - type: http-get
          configuration:
            messagesLimitCount: 1
            messagesLimitDurationMs: 3000
  endpointGroups:
    - name: ticks
      type: mock
      endpoints:
        - name: ticks-1
          type: mock
          configuration:
            messageInterval: 50
            messageContent: '{"price": 42}'
  plans:
    open:
      name: Open
      security:
        type: KEY_LESS
`,
  "apis/streams/trades.yaml": `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: trades
spec:
  name: Trades
  version: "1"
  type: MESSAGE
  listeners:
    - type: HTTP
      paths:
        - path: /trades
      entrypoints:
        - type: http-post
  endpointGroups:
    - name: kafka
      type: kafka
      endpoints:
        - name: kafka-1
          type: kafka
          configuration:
            bootstrapServers: \${TRADES_KAFKA:-127.0.0.1:1}
          sharedConfigurationOverride:
            producer:
              enabled: true
              topics: [trades]
  plans:
    open:
      name: Open
      security:
        type: KEY_LESS
`,
};
