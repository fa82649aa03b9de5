// lua-health runs Argo CD resource health scripts the way Argo CD does, with the Lua engine it embeds (gopher-lua):
// `lua-health DIR` finds DIR/<group>/<Kind>/health_test.yaml, runs health.lua with each test's input object as the
// global `obj`, and compares the returned status (and message, when the test gives one). It prints one line per
// failure and "N tests, M failed"; exit status 1 when one fails. Built by hack/control-plane/build.sh.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	lua "github.com/yuin/gopher-lua"
	"sigs.k8s.io/yaml"
)

const version = "lua-health gopher-lua v1.1.2"

type healthTest struct {
	HealthStatus struct {
		Status  string `json:"status"`
		Message string `json:"message"`
	} `json:"healthStatus"`
	InputPath string `json:"inputPath"`
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: lua-health DIR | --version")
		os.Exit(2)
	}
	if os.Args[1] == "--version" {
		fmt.Println(version)
		return
	}
	files, err := filepath.Glob(filepath.Join(os.Args[1], "*", "*", "health_test.yaml"))
	if err != nil || len(files) == 0 {
		fmt.Fprintf(os.Stderr, "no */*/health_test.yaml under %s\n", os.Args[1])
		os.Exit(2)
	}
	total, failed := 0, 0
	for _, file := range files {
		dir := filepath.Dir(file)
		script, err := os.ReadFile(filepath.Join(dir, "health.lua"))
		must(err)
		var spec struct {
			Tests []healthTest `json:"tests"`
		}
		raw, err := os.ReadFile(file)
		must(err)
		must(yaml.Unmarshal(raw, &spec))
		for _, test := range spec.Tests {
			total++
			input, err := os.ReadFile(filepath.Join(dir, test.InputPath))
			must(err)
			status, message, err := run(string(script), input)
			switch {
			case err != nil:
				failed++
				fmt.Printf("%s %s: %v\n", dir, test.InputPath, err)
			case status != test.HealthStatus.Status ||
				(test.HealthStatus.Message != "" && message != test.HealthStatus.Message):
				failed++
				fmt.Printf("%s %s: got %s %q, want %s %q\n", dir, test.InputPath, status, message,
					test.HealthStatus.Status, test.HealthStatus.Message)
			}
		}
	}
	fmt.Printf("%d tests, %d failed\n", total, failed)
	if failed > 0 {
		os.Exit(1)
	}
}

// run evaluates a health script on one object, with the libraries Argo CD opens for it.
func run(script string, input []byte) (string, string, error) {
	var obj interface{}
	if err := yaml.Unmarshal(input, &obj); err != nil {
		return "", "", err
	}
	L := lua.NewState(lua.Options{SkipOpenLibs: true})
	defer L.Close()
	for _, lib := range []struct {
		name string
		open lua.LGFunction
	}{{lua.BaseLibName, lua.OpenBase}, {lua.TabLibName, lua.OpenTable}, {lua.StringLibName, lua.OpenString},
		{lua.MathLibName, lua.OpenMath}} {
		L.Push(L.NewFunction(lib.open))
		L.Push(lua.LString(lib.name))
		L.Call(1, 0)
	}
	L.SetGlobal("obj", toLua(L, obj))
	if err := L.DoString(script); err != nil {
		return "", "", err
	}
	result, ok := L.Get(-1).(*lua.LTable)
	if !ok {
		return "", "", fmt.Errorf("the script returned %s, not a table", L.Get(-1).Type())
	}
	return lua.LVAsString(result.RawGetString("status")), lua.LVAsString(result.RawGetString("message")), nil
}

func toLua(L *lua.LState, v interface{}) lua.LValue {
	switch v := v.(type) {
	case map[string]interface{}:
		t := L.NewTable()
		for k, e := range v {
			t.RawSetString(k, toLua(L, e))
		}
		return t
	case []interface{}:
		t := L.NewTable()
		for _, e := range v {
			t.Append(toLua(L, e))
		}
		return t
	case string:
		return lua.LString(v)
	case float64:
		return lua.LNumber(v)
	case bool:
		return lua.LBool(v)
	default:
		return lua.LNil
	}
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
}
