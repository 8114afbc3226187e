env                 = "prod"
age_alarm_functions = ["dev-consumer"]
