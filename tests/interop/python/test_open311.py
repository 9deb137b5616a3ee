"""An Open311 GeoReport v2 client written with nothing but Python's standard library (urllib) reports and follows an issue."""
import json
import os
import unittest
import urllib.error
import urllib.parse
import urllib.request
import uuid

BASE = "http://" + os.environ.get("HIERARCHY_HTTP_ADDRESS", "127.0.0.1:8080") + "/open311/v2"
KEY = "demo-service"
# A 群芳园社区 household of the Tongzhou sample, as the README's example resolves.
HOUSEHOLD = "644459"


def get(path):
    with urllib.request.urlopen(BASE + path, timeout=10) as answer:
        return answer.status, json.load(answer)


def post(fields):
    body = urllib.parse.urlencode(fields).encode()
    request = urllib.request.Request(BASE + "/requests.json", data=body, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, json.load(answer)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


class Open311InteropTest(unittest.TestCase):
    def test_a_request_posted_with_urllib_is_reported_and_reads_back_open_for_its_service(self):
        services = {s["service_code"]: s for s in get("/services.json")[1]}
        self.assertIn("sewage", services)

        status, created = post({
            "api_key": KEY, "service_code": "sewage", "address_id": HOUSEHOLD,
            "attribute[request_id]": "urllib-" + uuid.uuid4().hex, "description": "楼前雨水篦子堵了",
        })
        self.assertEqual(201, status, created)
        request_id = created[0]["service_request_id"]

        status, found = get(f"/requests/{request_id}.json?api_key={KEY}")
        self.assertEqual(200, status)
        self.assertEqual(("open", "sewage", "楼前雨水篦子堵了", HOUSEHOLD),
                         (found[0]["status"], found[0]["service_code"], found[0]["description"], found[0]["address_id"]))

    def test_an_unknown_service_is_a_400_error_array_naming_service_code(self):
        status, errors = post({"api_key": KEY, "service_code": "no_such", "address_id": HOUSEHOLD, "description": "x"})

        self.assertEqual(400, status)
        self.assertEqual(400, errors[0]["code"])
        self.assertTrue(errors[0]["description"].startswith("service_code:"), errors[0]["description"])


if __name__ == "__main__":
    unittest.main()
