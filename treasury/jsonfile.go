package treasury

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
)

// DecodeStrictJSON decodes one JSON object into v, rejecting unknown fields
// and trailing data. Errors are *InputError naming the file (name), the line
// and the field, as for policy files.
func DecodeStrictJSON(name string, data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonError(name, data, dec, err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return inputErr(name, lineAt(data, dec.InputOffset()), "", "", "trailing data after the object")
	}
	return nil
}
