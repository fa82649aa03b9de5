// promql-check parses PromQL expressions with Prometheus' own parser: one JSON string per line on stdin, and prints
// each expression that does not parse with the parser's error. Exit status 1 when one does not. Used by the tests
// of the chart's alerts and dashboard (OperatorMetricsIT); built by hack/control-plane/build.sh.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"

	"github.com/prometheus/prometheus/promql/parser"
)

const version = "promql-check prometheus v0.316.0"

func main() {
	if len(os.Args) > 1 && os.Args[1] == "--version" {
		fmt.Println(version)
		return
	}
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<20)
	bad, n := 0, 0
	p := parser.NewParser(parser.Options{})
	for in.Scan() {
		var expr string
		if err := json.Unmarshal(in.Bytes(), &expr); err != nil {
			fmt.Printf("line %d is not a JSON string: %v\n", n+1, err)
			os.Exit(2)
		}
		n++
		if _, err := p.ParseExpr(expr); err != nil {
			bad++
			fmt.Printf("%s\n  %v\n", expr, err)
		}
	}
	fmt.Printf("%d expressions, %d do not parse\n", n, bad)
	if bad > 0 {
		os.Exit(1)
	}
}
